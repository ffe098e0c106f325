import functools
@functools.singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
print(describe(1), describe([1, 2]), describe("s"), describe(True))
@functools.cache
def slow(n):
    print("computing", n)
    return n * n
print(slow(3), slow(3), slow.cache_info().hits)
class Thing:
    def __init__(self, v): self.v = v
    @functools.cached_property
    def doubled(self):
        return self.v * 2
print(Thing(4).doubled)
print(functools.reduce(lambda a, b: a + b, "abc", ">"), functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
p = functools.partial(print, "prefix:", sep="|")
p("a", "b")
print(p.func is print, p.args, p.keywords)
class Cls:
    @functools.partialmethod
    def m(self, x, y): return x + y
print(functools.update_wrapper(lambda: 0, slow).__name__)
