def f(a, b=2, /, c=3, *, d, e=5, **rest):
    return (a, b, c, d, e, rest)
print(f(1, d=4))
print(f(1, 9, 8, d=7, e=6, z=0))
print(f(1, c=10, d=1, b=99))
for call in [lambda: f(d=1), lambda: f(1, 2, 3, 4), lambda: f(a=1, d=2), lambda: f(1)]:
    try:
        call()
    except TypeError as e:
        print(e)
def g(*, key):
    return key
print(g(key="k"))
def h(x, /):
    return x
print(h(5))
try:
    h(x=5)
except TypeError as e:
    print(e)
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
def varargs(*args, sep="-"):
    return sep.join(map(str, args))
print(varargs(1, 2, 3), varargs(sep="+"), varargs(*"abc", sep=""))
