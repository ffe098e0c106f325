import functools
@functools.total_ordering
class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y) if isinstance(o, V) else NotImplemented
    def __radd__(self, o): return self if o == 0 else NotImplemented
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return V(self.y, self.x)
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o): return abs(self) < abs(o)
    def __hash__(self): return hash((self.x, self.y))
    def __bool__(self): return bool(self.x or self.y)
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __round__(self, n=0): return V(round(self.x, n), round(self.y, n))
    def __index__(self): return int(abs(self))
a, b = V(3, 4), V(1, -2)
print(a + b, a - b, a * 2, 3 * a, a / 2, a // 2, a % 2, -a, +a, abs(a), ~a, a @ b)
print(sum([a, b]), a == V(3, 4), a != b, a > b, a <= b, sorted([a, b, V(0, 1)]))
print(bool(V(0, 0)), round(V(1.26, 2.71), 1), [10, 20, 30, 40, 50, 60][a], bin(a), hex(V(30, 40)))
try:
    a + 1
except TypeError as e:
    print(e)
try:
    a < 1
except TypeError as e:
    print(e)
print(len({a, V(3, 4), b}))
class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __float__(self): return self.v + 0.5
    def __complex__(self): return complex(self.v, 1)
print(int(Num(3)), float(Num(3)), complex(Num(3)))
