# type: ignore[misc]
x = 1  # type: int
def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    pass
def g(a):  # type: (int) -> None
    pass
import foo  # type: ignore
for x in y:  # type: int
    pass
with a as b:  # type: int
    pass
z = 2  # type: ignore  # noqa
if __debug__:
    x = __debug__ and (lambda: __debug__)()
