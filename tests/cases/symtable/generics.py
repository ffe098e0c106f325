from typing import Callable


def first[T](items: list[T]) -> T:
    return items[0]


def bounded[T: int, *Ts, **P, U: (str, bytes) = str](a: T, *args: *Ts, **kw: P.kwargs) -> U:
    pass


def kwdefaults[T](*, a=1, b: T): pass


class Box[T, __Private]:
    item: T

    def get[S](self, other: S) -> T | S | __Private:
        return self.item

    type Inner[K] = dict[K, T]


type Alias = list[int]
type GenericAlias[X: str = str] = tuple[X, ...]


class Plain:
    type InClass = Plain
    def generic_method[M](self) -> M: pass


def outer():
    y = 1
    class Local[T]:
        z = y
    type LocalAlias[Q] = Q | y
    return Local, LocalAlias


class Based[T](Callable[[T], T], metaclass=type):
    pass
