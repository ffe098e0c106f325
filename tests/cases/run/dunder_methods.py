class Vector:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __contains__(self, v):
        return v in self.xs
    def __bool__(self):
        return any(self.xs)
    def __call__(self, k):
        return [x * k for x in self.xs]
    def __repr__(self):
        return f"Vector{tuple(self.xs)}"
    def __eq__(self, other):
        return isinstance(other, Vector) and self.xs == other.xs
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(*(a + b for a, b in zip(self.xs, other.xs)))
    def __radd__(self, other):
        return Vector(*(other + a for a in self.xs))
    def __iadd__(self, other):
        self.xs = [a + other for a in self.xs]
        return self
    def __neg__(self):
        return Vector(*(-a for a in self.xs))
    def __abs__(self):
        return sum(a * a for a in self.xs) ** 0.5
    def __lt__(self, other):
        return abs(self) < abs(other)

v = Vector(3, 4)
print(len(v), v[0], v[-1], 4 in v, bool(v), bool(Vector(0)), v(2), abs(v))
v[0] = 6
print(v, v + Vector(1, 1), 10 + v, -v, v == Vector(6, 4), v != Vector(1))
v += 1
print(v, sorted([Vector(5), Vector(1), Vector(3)]), max(Vector(1, 1), Vector(2)))
try:
    v + 1
except TypeError as e:
    print(e)
print(list(v), [x for x in v], *v)

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(3)), sum(Countdown(4)))
print(iter(Countdown(1)).__class__.__name__)
