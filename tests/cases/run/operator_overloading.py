class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    __radd__ = __add__
    def __mul__(self, k):
        return Money(self.cents * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
    def __getitem__(self, key):
        return f"item {key!r}"

m = Money(150)
print(m + Money(50), m + 5, 5 + m, m * 3, 2 * m, sum([m, m], Money(0)))
print(m == Money(150), m != Money(1), m < Money(200), m >= Money(150), m > Money(1))
print(sorted([Money(3), Money(1)]), m[1:2], m[1, 2], m[...])
print({m, Money(150)}, m.__eq__(3))
try:
    m < 3
except TypeError as e:
    print(e)
try:
    m - m
except TypeError as e:
    print(e)
x = 5
x += 2
x *= 3
x //= 4
x **= 2
x %= 7
x <<= 3
x |= 1
x ^= 2
x &= 0xff
x >>= 1
print(x)
lst = [1]
lst *= 3
print(lst, "ab" * 2, -(-3), ~5, not [])
