cases = [
    lambda: {[1]: 2}, lambda: {[1]}, lambda: {}.__setitem__([1], 1), lambda: {[1]: 1 for _ in "a"},
    lambda: {[] for _ in "a"}, lambda: [1] in {}, lambda: [1] in set(), lambda: {}[[1]],
    lambda: max([]), lambda: min(()), lambda: hash([]), lambda: {1: 2}[[3]],
]
for case in cases:
    try:
        case()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
d = {}
try:
    d[{}] = 1
except TypeError as e:
    print(e)
try:
    del d[[1]]
except TypeError as e:
    print(e)
s = set()
try:
    s |= {frozenset()}
    s.update([[1]])
except TypeError as e:
    print(e)
x = 1
try:
    x.attr = 2
except AttributeError as e:
    print(e)
class Slotted:
    __slots__ = ("a",)
try:
    Slotted().b = 1
except AttributeError as e:
    print(e)
class Plain:
    pass
p = Plain()
p.anything = 1
print(p.anything, max([3, 1]), min("ba"))
