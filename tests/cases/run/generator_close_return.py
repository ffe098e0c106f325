def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        return "final"

g = gen()
next(g)
print(g.close())
print(g.close())

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)

def fresh():
    yield 1
f = fresh()
f.close()
print(list(f))
g2 = gen()
try:
    g2.send(5)
except TypeError as e:
    print(e)
def running():
    yield r.send(None)
r = running()
try:
    next(r)
except ValueError as e:
    print(e)
