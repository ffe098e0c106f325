import functools
import operator
import itertools

@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version("1.10"), Version("1.2"), Version("0.9")]
print(sorted(vs), Version("1.2") >= Version("1.1"), max(vs))

@functools.singledispatch
def describe(x):
    return "object"

@describe.register
def _(x: int):
    return "int"

@describe.register(list)
def _(x):
    return "list of " + ", ".join(describe(i) for i in x)

print(describe(1), describe("s"), describe([1, "a"]))
people = [{"n": "b", "a": 2}, {"n": "a", "a": 2}, {"n": "c", "a": 1}]
print(sorted(people, key=operator.itemgetter("a", "n")))
print([k for k, _ in itertools.groupby(sorted(people, key=lambda p: p["a"]), key=lambda p: p["a"])])
print(list(itertools.starmap(lambda a, b: a * b, [(2, 3), (4, 5)])))
print(functools.reduce(operator.add, map(lambda p: p["a"], people)))
class Desc:
    def __init__(self):
        self.data = {}
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        return self if obj is None else self.data.get(id(obj), "unset")
    def __set__(self, obj, value):
        self.data[id(obj)] = f"{self.name}={value}"
class Holder:
    field = Desc()
h = Holder()
print(h.field)
h.field = 5
print(h.field, type(Holder.field).__name__)
class Audited:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"{name} is hidden")
        return super().__getattribute__(name)
a = Audited()
a.secret_key = 1
a.visible = 2
print(a.visible, hasattr(a, "secret_key"))
def method(self):
    return "added later"
Holder.extra = method
print(h.extra(), Holder.extra is method)
partial_sum = functools.partial(sum, start=10)
print(partial_sum([1, 2]))
