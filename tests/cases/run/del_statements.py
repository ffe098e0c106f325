x = 1
del x
try:
    x
except NameError as e:
    print(e)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
class C:
    pass
c = C()
c.attr = 5
del c.attr
print(hasattr(c, "attr"))
try:
    del c.attr
except AttributeError as e:
    print(e)
def f():
    y = 2
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
a, (b, c2) = 1, (2, 3)
del a, b
print(c2, "a" in dir(), "b" in dir())
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError", e)
class D:
    def __delitem__(self, k): print("delitem", k)
    def __delattr__(self, k): print("delattr", k)
dd = D()
del dd[1:2], dd.name
