def g():
    def f[T: ((yield), int)](): pass
