def g():
    def f[**P = (yield)](): pass
