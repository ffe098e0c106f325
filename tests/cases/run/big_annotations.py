"""PEP 649 deferred annotations: forward references, __annotate__ called by hand with each
format, a tiny runtime type checker built on __annotations__, class and module annotations."""
import functools


class ValidationFailed(TypeError):
    pass


def check_types(func):
    """Validate arguments and the result against the annotations, evaluated on first call."""
    cache = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if "hints" not in cache:
            cache["hints"] = dict(func.__annotations__)
            print(f"  (evaluated annotations of {func.__name__}: {sorted(cache['hints'])})")
        hints = cache["hints"]
        names = func.__code__.co_varnames[:func.__code__.co_argcount]
        for name, value in [*zip(names, args), *kwargs.items()]:
            expected = hints.get(name)
            if expected is not None and not isinstance(value, expected):
                raise ValidationFailed(f"{func.__name__}(): {name}={value!r} is not {expected.__name__}")
        result = func(*args, **kwargs)
        expected = hints.get("return")
        if expected is not None and not isinstance(result, expected):
            raise ValidationFailed(f"{func.__name__}() returned {type(result).__name__}, not {expected.__name__}")
        return result

    return wrapper


@check_types
def scale(v: Vector, k: int) -> Vector:
    return Vector(*(c * k for c in v.coords))


@check_types
def norm1(v: Vector) -> int:
    return sum(abs(c) for c in v.coords)


@check_types
def broken(v: Vector) -> int:
    return "not an int"


class Vector:
    dims: int
    coords: tuple[int, ...]
    origin: "Vector | None" = None

    def __init__(self, *coords: int) -> None:
        self.coords = coords
        self.dims = len(coords)

    def __add__(self, other: Vector) -> Vector:
        return Vector(*(a + b for a, b in zip(self.coords, other.coords)))

    def __repr__(self) -> str:
        return f"Vector{self.coords}"


class Late:
    first: Undefined
    second: int

    def method(self, x: AlsoUndefined = 3) -> None:
        pass


print(scale(Vector(1, -2, 3), 2))
print(scale(Vector(4, 5), k=3), norm1(Vector(3, -4)))
for call in (lambda: scale(Vector(1), "x"), lambda: norm1((1, 2)), lambda: broken(Vector(0))):
    try:
        call()
    except ValidationFailed as exc:
        print("ValidationFailed:", exc)

print(Vector.__annotations__)
print(Vector.__init__.__annotations__, Vector.__add__.__annotations__["other"])
print(callable(Vector.__annotate__), Vector.__annotate__.__name__)
print(Vector.__annotate__(1) == Vector.__annotations__)
for fmt in (2, 3, 4):
    try:
        Vector.__annotate__(fmt)
    except NotImplementedError:
        print("format", fmt, "not implemented by the compiler-generated function")

try:
    Late.__annotations__
except NameError as exc:
    print("NameError:", exc)
try:
    Late.method.__annotations__
except NameError as exc:
    print("NameError:", exc)
Undefined = float
AlsoUndefined = complex
print(Late.__annotations__, Late.method.__annotations__)

calls = []


def tracked(name):
    calls.append(name)
    return name


def lazy(a: tracked("a"), b: tracked("b") = 1) -> tracked("ret"):
    pass


print("before access:", calls)
print(lazy.__annotations__, calls)
print(lazy.__annotations__ is lazy.__annotations__, calls)
lazy.__annotations__ = {"x": 1}
print(lazy.__annotations__)
del lazy.__annotations__
print(lazy.__annotations__, lazy.__annotate__)


def no_annotations(x, y):
    return x


print(no_annotations.__annotations__, no_annotations.__annotate__)


class WithDefaults:
    a: int = 1
    b: list[str]
    c = 3


print(WithDefaults.__annotations__, WithDefaults.a, "b" in vars(WithDefaults), WithDefaults.c)
module_level: dict[str, int] = {"x": 1}
other_module_level: Vector
import sys
print(sys.modules[__name__].__annotations__)


def outer():
    local: Vector = Vector(1)
    inner_annot: Nonexistent
    return local


print(outer())


class Generic:
    def method[T](self, item: T) -> list[T]:
        return [item]


print(Generic.method.__annotations__["return"], Generic().method(5))
print(Generic.method.__type_params__)
