x = 0
def outer():
    y = 1
    def inner():
        global x
        nonlocal y
        x, y = y, x
    return inner
