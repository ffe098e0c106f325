def f(a, b, c, d=4, *, e, f=6):
    pass
def g(x, y, /, z=0):
    pass
def h(*args, key, **kw):
    pass
class K:
    def m(self, a):
        pass
    @classmethod
    def c(cls, a, b):
        pass
    @staticmethod
    def s():
        pass

calls = [
    lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: f(1, 2, 3, 4, 5),
    lambda: f(1, 2, 3, 4, 5, e=1), lambda: f(1, 2, 3, e=1, g=2), lambda: f(1, 2, 3, e=1, a=1),
    lambda: g(x=1, y=2), lambda: g(1, y=2), lambda: g(1, 2, 3, 4), lambda: h(), lambda: h(1, 2),
    lambda: K().m(), lambda: K().m(1, 2), lambda: K.m(), lambda: K.c(), lambda: K.s(1),
    lambda: K().m(b=1), lambda: f(1, 2, 3, e=1, ee=5), lambda: f(1, 2, 3, e=1, **{"d": 1, "f": 2, "x": 3}),
    lambda: f(*[1, 2, 3], *[4], e=1, f=2, **{"e": 5}),
]
for call in calls:
    try:
        call()
        print("ok")
    except TypeError as e:
        print(e)
