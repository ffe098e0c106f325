import inspect
def gen():
    yield 1
    yield 2
g = gen()
print(inspect.getgeneratorstate(g) if hasattr(inspect, "getgeneratorstate") else None)
next(g)
print(g.gi_frame is not None, g.gi_running, g.gi_yieldfrom)
list(g)
print(g.gi_frame)
def outer():
    yield from gen()
o = outer()
next(o)
print(o.gi_yieldfrom is not None, type(o.gi_yieldfrom).__name__)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
