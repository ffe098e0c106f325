def first[T](items: list[T]) -> T:
    return items[0]

class Box[T]:
    def __init__(self, value: T):
        self.value = value
    def get(self) -> T:
        return self.value

type Pair = tuple[int, int]

print(first([3, 4]), Box(5).get(), Pair.__name__)
print([p.__name__ for p in first.__type_params__], [p.__name__ for p in Box.__type_params__])
from typing import Optional, Union
def maybe(x: Optional[int] = None) -> Union[int, str]:
    return x if x is not None else "none"
print(maybe(), maybe(3), maybe.__annotations__["x"] == Optional[int])
def annotated(a: int, b: "str" = "x") -> bool:
    return True
print(annotated.__annotations__)
