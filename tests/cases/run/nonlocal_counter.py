def make():
    count = 0
    history = []
    def inc(by=1):
        nonlocal count
        count += by
        history.append(count)
        return count
    def get():
        return count, list(history)
    def reset():
        nonlocal count, history
        count = 0
        history = []
    return inc, get, reset
inc, get, reset = make()
inc(); inc(3)
print(get())
reset()
inc(2)
print(get())
def nested():
    x = 1
    def a():
        nonlocal x
        x += 1
        def b():
            nonlocal x
            x *= 10
        b()
    a()
    return x
print(nested())
def gen_counter():
    n = 0
    def g():
        nonlocal n
        while n < 3:
            n += 1
            yield n
    return list(g()), n
print(gen_counter())
