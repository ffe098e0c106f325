type Alias = int
type Generic[T] = list[T]
type WithBound[T: (int, str), *Ts, **P] = tuple[T, *Ts]
type Defaults[T = int, *Ts = *tuple[int], **P = [int, str]] = None
def f[T: int = str, *Ts, **P](x: T, *args: *Ts, **kw: P.kwargs) -> T:
    pass
class C[T = int, U: str = "x"](Base[T], metaclass=M):
    pass
async def g[T]():
    pass
type = 1
type.x = 2
