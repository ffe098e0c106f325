"""PEP 695 type parameters and `type` aliases: generic containers, bounded and constrained
TypeVars, ParamSpec and TypeVarTuple, lazily evaluated aliases and their introspection."""
from collections.abc import Callable, Iterator

type Number = int | float
type Pair[T] = tuple[T, T]
type Tree[T] = T | list[Tree[T]]
type Recursive = dict[str, Recursive] | None
type Lazy = UndefinedYet


class Stack[T]:
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> Stack[T]:
        self._items.append(item)
        return self

    def pop(self) -> T:
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()

    def __iter__(self) -> Iterator[T]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def map[U](self, f: Callable[[T], U]) -> Stack[U]:
        out = Stack[U]()
        for item in self._items:
            out.push(f(item))
        return out


class Registry[K: str, V: (int, str)]:
    def __init__(self) -> None:
        self.data: dict[K, V] = {}

    def register(self, key: K, value: V) -> None:
        self.data[key] = value


def first[T](items: list[T]) -> T:
    return items[0]


def clamp[N: (int, float)](value: N, lo: N, hi: N) -> N:
    return max(lo, min(hi, value))


def logged[**P, R](func: Callable[P, R]) -> Callable[P, R]:
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        print(f"  calling {func.__name__}{args}")
        return func(*args, **kwargs)
    return wrapper


def pack[*Ts](*args: *Ts) -> tuple[*Ts]:
    return args


@logged
def add(a: int, b: int) -> int:
    return a + b


def flatten[T](tree: Tree[T]) -> list[T]:
    if isinstance(tree, list):
        out = []
        for sub in tree:
            out.extend(flatten(sub))
        return out
    return [tree]


s = Stack[int]().push(1).push(2).push(3)
print(list(s), len(s), s.pop(), list(s.map(lambda x: x * 10)), type(s).__name__)
try:
    Stack().pop()
    Stack().pop()
except IndexError as exc:
    print("IndexError:", exc)

print(first(["a", "b"]), clamp(15, 0, 10), clamp(-2.5, -1.0, 1.0), add(2, 3), pack(1, "x", None))
print(flatten([1, [2, [3, 4]], [[5]]]))

print(Number, type(Number).__name__, Number.__name__, Number.__value__)
print(Pair.__type_params__, Pair.__value__, Pair[int], Pair[str].__args__)
print(Tree.__type_params__, Recursive.__value__)
try:
    Lazy.__value__
except NameError as exc:
    print("NameError:", exc)
UndefinedYet = bytes
print(Lazy.__value__)

T, U = Stack.__type_params__[0], Stack.map.__type_params__[0]
print(Stack.__type_params__, T.__name__, U.__name__, type(T).__name__)
K, V = Registry.__type_params__
print(K.__bound__, V.__constraints__, K.__constraints__, V.__bound__)
print(clamp.__type_params__[0].__constraints__, first.__type_params__)
P, R = logged.__type_params__
print(type(P).__name__, type(R).__name__, P.args, P.kwargs)
Ts, = pack.__type_params__
print(type(Ts).__name__, Ts.__name__)
print(Stack.__parameters__ if hasattr(Stack, "__parameters__") else None, Stack[int].__origin__ is Stack)
print(first.__annotations__, Stack.push.__annotations__)
reg = Registry()
reg.register("a", 1)
print(reg.data, Registry[str, int])


class Base[T]:
    def get(self) -> T:
        return self.value


class Child(Base[int]):
    def __init__(self):
        self.value = 42


print(Child().get(), Child.__orig_bases__, Child.__mro__[1].__name__)

type ListOrSet[T] = list[T] | set[T]
print(ListOrSet.__type_params__, ListOrSet[int], ListOrSet.__module__)
try:
    exec("class Bad[T, T]: pass")
except SyntaxError as exc:
    print("SyntaxError:", exc)


class Box[T = int]:
    def __init__(self, item: T) -> None:
        self.item = item

    def __repr__(self) -> str:
        return f"Box({self.item!r})"


def identity[T](x: T) -> T:
    return x


boxes = [Box(1), Box("two"), Box[float](3.0)]
print(boxes, [identity(b).item for b in boxes])
print(Box.__type_params__[0].__default__ if hasattr(Box.__type_params__[0], "__default__") else None)
type Matrix[T] = list[list[T]]
type IntMatrix = Matrix[int]
print(Matrix[float], IntMatrix.__value__, Matrix.__value__)


def make_pair[A, B](a: A, b: B) -> tuple[A, B]:
    return a, b


print(make_pair(1, "x"), [p.__name__ for p in make_pair.__type_params__])
