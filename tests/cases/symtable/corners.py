global module_level
module_level: int = 1
import a.b.c
import a.b as ab


class ExplicitDunder:
    __class__ = 1

    def m(self):
        return __class__

    fs = [lambda: i for i in range(3)]
    ann: [q for q in range(3)]
    type InClassAlias = [w for w in range(3)]

    def generic_in_class[T: [v for v in range(3)]](self, a: T) -> T:
        return super().generic_in_class(a)

    def __private(self):
        return self.__private


def bound_comp[T: [v for v in range(3)]](): pass


def shadow_cell():
    x = 1
    g = lambda: x
    return [x for x in range(3)], g


def comp_cell_in_func():
    return [lambda: y for y in range(3)]


def nested_inline(data):
    return [[lambda: (a, b) for b in a] for a in data]


def lambda_super():
    class K:
        f = lambda self: super()
    return K


class GenericWithSuper[T](Base[T]):
    def m[T](self, t: T):
        return super().m(t)


def deleter():
    x = 1
    def inner():
        nonlocal x
        del x
    return inner


def type_alias_in_function():
    y = 1
    type A[Z] = (y, Z, lambda: y)
    return A


async def async_nested(aiter):
    return [[x async for x in y] async for y in aiter], (await z for z in aiter)


def sync_with_genexp_await(aiter):
    return (await x for x in aiter)


def defaults_and_lambdas(a=[i for i in range(3)], *, b=lambda c=1: c):
    return a, b


def unused_param_annotations(a: undefined_in_annotation) -> other_undefined:
    pass


match command:
    case [Point(x=0) as origin, *rest] if origin:
        pass
    case {**kw}:
        pass


class MatchInClass:
    match value:
        case int(n):
            found = n


def star_target():
    *first, last = range(3)
    (a, b), [c, d] = (1, 2), [3, 4]
    a += 1
    x[0] = y.z = 2
    return first, last
