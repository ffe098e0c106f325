def a():
    x = y = z = 0

    def b():
        nonlocal x
        x = 1

        def c():
            nonlocal x, y
            y = x

            def d():
                return x + y + z
            return d
        return c
    return b


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


def shadow(p):
    def inner():
        p = 2
        return p
    def reader():
        return p
    return inner, reader


def with_global():
    global G
    G = 1

    def inner():
        return G
    return inner
