class Registry:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Registry[int], Registry["x"], Registry[1, 2])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__)
from typing import Generic, TypeVar
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int](3).v, Box.__parameters__, isinstance(Box[int](1), Box))
print(int | str, (int | None).__args__, isinstance(3, int | str), issubclass(bool, int | str))
