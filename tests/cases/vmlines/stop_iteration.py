"""Where sys.settrace reports StopIteration (FOR_ITER, SEND/END_SEND over generators, Python-level
__next__, C iterators), throw()/close() handler lines, and a loop on one line."""
def g():
    return 5
    yield

def d():
    r = yield from g()
    yield r

print(list(d()))

def g2():
    yield 1
    return 7

def d2():
    r = yield from g2()
    yield r

print(list(d2()))

def loop():
    for x in g2():
        pass
    for x in g():
        pass

loop()

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n

def loop2():
    for x in It():
        pass
    r = [x for x in It()]

loop2()

def d3():
    yield from It()

print(list(d3()))

def d4():
    yield from g2()
    yield 3

it = d4()
print(next(it))
print(it.send(None))

def d5():
    x = yield from [1, 2]
    yield x
print(list(d5()))


def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner cleanup")


def outer():
    yield from inner()


o = outer()
next(o)
o.close()


def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)


c = catcher()
next(c)
c.throw(ValueError("x"))
c.close()


def same_line_loop(n):
    i = 0
    while i < n: i += 1
    return i


print(same_line_loop(3))
