from fractions import Fraction
from decimal import Decimal, getcontext
import numbers
print(Fraction(1, 3) + Fraction(1, 6), Fraction(3, 4) * 2, Fraction(1, 3) + 1.0, Fraction("0.125"), Fraction(5, 10).denominator)
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.10").quantize(Decimal("0.1")), Decimal("2").sqrt())
getcontext().prec = 5
print(Decimal(1) / Decimal(3), Decimal("123.456789") + 0)
print(isinstance(3, numbers.Integral), isinstance(3.0, numbers.Real), isinstance(Fraction(1), numbers.Rational), isinstance(1j, numbers.Complex))
print(1 + True, 1 + 2.0, 2 * Fraction(1, 2), (1 + 2j) + 1, Fraction(1, 2) == 0.5, Decimal("0.5") == 0.5)
try:
    Decimal("1") + 1.5
except TypeError as e:
    print(e)
print(round(Fraction(7, 3), 2), float(Fraction(1, 8)), int(Decimal("-3.9")), Fraction(2.5), Decimal(2.5))
