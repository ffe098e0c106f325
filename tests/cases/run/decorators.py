import functools

def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"call {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"ret {result}")
        return result
    return wrapper

def repeat(n):
    def deco(func):
        def wrapper(*a):
            return [func(*a) for _ in range(n)]
        return wrapper
    return deco

@trace
def add(a, b):
    "adds"
    return a + b

@repeat(2)
@trace
def hello(name):
    return "hi " + name

print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__)
print(hello("x"))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(30), fib.cache_info().hits)

class Counter:
    def __init__(self, func):
        self.func = func
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)

@Counter
def square(x):
    return x * x

print(square(3), square(4), square.calls)
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
p = functools.partial(add, 10)
print(p(5))

def cls_deco(cls):
    cls.tagged = True
    return cls

@cls_deco
class T:
    pass
print(T.tagged)

class Cached:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42
c = Cached()
print(c.value, c.value)
print(add)
