def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 3, "z": 0}))

def g(x, y, /, z):
    return x + y + z

print(g(1, 2, z=3))

def h(*, key):
    return key

for call in (lambda: f(), lambda: f(1), lambda: g(1, 2, 3, 4), lambda: g(x=1, y=2, z=3),
             lambda: h(1), lambda: h(kye=1), lambda: f(1, a=2, c=3), lambda: g(1),
             lambda: (lambda p, q, r: 0)(), lambda: h(), lambda: f(1, **{"c": 1}, **{"c": 2}),
             lambda: f(*1), lambda: f(**1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def defaults(a, b=[]):
    b.append(a)
    return b

print(defaults(1), defaults(2))
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__)

def outer():
    def inner():
        pass
    return inner

print(outer().__qualname__)
print(sorted([3, 1, 2], key=lambda v: -v))
print(max(["aa", "b", "cccc"], key=len))
