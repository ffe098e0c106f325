from fractions import Fraction
from decimal import Decimal, getcontext
print(2 ** 100, -7 // 2, -7 % 2, 7 / -2, int("ff", 16), int("0b101", 0), bin(10), oct(8), hex(255))
print(10 ** 20 // 7, (10 ** 20) % 97, pow(3, 100, 7), abs(-3), round(3.5), round(4.5), round(-2.5))
print(0.1 + 0.2, 1e300 * 10, float("nan") == float("nan"), 1 / 3)
print(complex(1, 2) * complex(3, -1), (1 + 2j).conjugate(), abs(3 + 4j))
print(Fraction(1, 3) + Fraction(1, 6), Fraction("0.75"), Fraction(3, 4).limit_denominator(2))
getcontext().prec = 10
print(Decimal(1) / Decimal(7), Decimal("1.10") + Decimal("2.20"))
print(int(3.9), int(-3.9), float("1.5e3"), str(1.0), 3.0.is_integer(), (255).bit_length())
print(divmod(17, 5), divmod(-17, 5), 17 .__floordiv__(5), max(1, 2.5), min([3, 1, 2]))
print(sum([0.1] * 10), sum(range(101)), 2 ** -1, 7 .__pow__(2))
print(True + True, True * 3, isinstance(True, int), 5 == 5.0, hash(1) == hash(1.0))
import math
print(math.floor(-2.5), math.ceil(2.1), math.isclose(0.1 + 0.2, 0.3), math.inf > 10 ** 100)
print(format(1e-7, "g"), format(123456789, "_"), f"{0.000123:.2e}", 1_000_000)
