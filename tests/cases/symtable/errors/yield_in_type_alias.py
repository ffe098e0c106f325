def g():
    type A = (yield)
