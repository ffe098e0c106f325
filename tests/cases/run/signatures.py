import inspect
import functools

def f(a, /, b: int = 2, *args, c, d="x", **kw) -> str:
    pass

print(inspect.signature(f))
print(list(inspect.signature(f).parameters))
print(inspect.signature(lambda x, y=1: 0))

@functools.wraps(f)
def wrapper(*a, **k):
    return f(*a, **k)

print(inspect.signature(wrapper))

class C:
    def method(self, x, *, flag=False):
        pass
print(inspect.signature(C().method), inspect.signature(C.method))
bound = inspect.signature(f).bind(1, c=3)
print(bound.arguments)
