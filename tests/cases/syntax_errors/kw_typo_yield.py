def g():
    yeild x
