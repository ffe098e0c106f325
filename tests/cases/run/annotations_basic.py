def f(a: int, b: "str" = "x", *args: float, c: list[int], **kw: dict) -> bool:
    return True
print(f.__annotations__)
class C:
    x: int
    y: str = "s"
    z = 3
print(C.__annotations__, hasattr(C, "x"), C.y)
def g(): pass
print(g.__annotations__)
x: int = 5
y: list[str]
print(x, "y" in globals())
def h(v: Undefined) -> None: pass
try:
    h.__annotations__
except NameError as e:
    print(e)
Undefined = float
print(h.__annotations__)
