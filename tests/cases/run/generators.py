def count(n):
    for i in range(n):
        yield i
    return "done"

print(list(count(3)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def echo():
    received = []
    while True:
        try:
            x = yield len(received)
        except ValueError as e:
            received.append(f"err {e}")
            continue
        except GeneratorExit:
            print("closing", received)
            return
        received.append(x)

e = echo()
print(e.send(None), e.send("a"), e.throw(ValueError("boom")), e.send("b"))
e.close()
print(e.gi_running, e.gi_frame)

def delegate():
    r = yield from count(2)
    print("sub returned", r)
    yield "after"

print(list(delegate()))

def gen_exp():
    return sum(x * x for x in range(4))
print(gen_exp())

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

import itertools
print(list(itertools.islice(fib(), 8)))

def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner cleanup")

def outer():
    yield from inner()

o = outer()
print(next(o))
o.close()

def raiser():
    yield 1
    raise StopIteration

try:
    list(raiser())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

gen = (i for i in range(3))
print(type(gen).__name__ in ("generator",), list(gen), list(gen))

def thrower():
    try:
        yield 1
    except KeyError:
        yield "handled"

t = thrower()
next(t)
print(t.throw(KeyError))
def sender():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
s = sender()
next(s)
s.send(3)
s.send(4)
try:
    s.send(None)
except StopIteration as ex:
    print("total", ex.value)
