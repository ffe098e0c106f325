print(0.1 + 0.2, 1 / 3, 2 / 3 * 3, 1e300 * 1e10, -1e300 * 1e10, 1e-320)
print(float("inf") - float("inf") != float("nan"), float("nan") == float("nan"))
import math
print(math.isnan(float("nan")), math.isinf(-math.inf), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(1024), math.pow(2, 0.5), math.hypot(3, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1.5, 2, 4]))
print(round(2.675, 2), round(0.125, 2), round(-0.5), f"{2.675:.2f}", format(1/3, ".5g"))
print((0.1).as_integer_ratio(), (2.5).is_integer(), float.fromhex("0x1.8p1"), (3.0).hex())
print(1.0 == 1, 1.5 // 1, -1.5 // 1, 7.5 % 2, -7.5 % 2, divmod(7.5, 2))
print(float("1e3"), float(" -2.5 "), float("-0.0"), -0.0 == 0.0, math.copysign(1, -0.0))
print(repr(1e16), repr(1e15), repr(123456789.123456789), str(1e-5), 1e22, 2.0 ** 60)
print(complex(1, 2) * complex(3, -1), abs(3 + 4j), (1 + 2j).conjugate(), (1j) ** 2)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
print(int(1e20), int(-0.9), math.isclose(0.1 + 0.2, 0.3), max(0.5, 1), 3 * 1.1)
