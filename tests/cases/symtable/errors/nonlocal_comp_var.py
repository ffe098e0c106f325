def f():
    [x for x in range(3)]
    def g():
        nonlocal x
