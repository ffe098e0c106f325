print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, divmod(-7, 2), divmod(7, -2))
print(2 ** 100, 2 ** -1, (-2) ** 3, pow(3, 4, 5), pow(2, -1, 7))
print(int("ff", 16), int("0b101", 0), int("  12  "), int("1_000"), int(3.99), int(-3.99))
print(bin(10), oct(10), hex(255), (255).bit_length(), (-1).bit_count() if hasattr(int, "bit_count") else 1)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, abs(-10 ** 25))
print(1 << 70, (1 << 70) >> 68, ~5, -5 & 0xFF, 5 | 8, 6 ^ 3)
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
print(int.from_bytes(b"\xff\xff", "big", signed=True), (65).to_bytes(2, "little"))
print(True + True, sum([True, False, True]), 3 * False, isinstance(True, int))
import math
print(math.gcd(48, 36), math.lcm(4, 6), math.isqrt(99), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(sorted([3, -1, 2], key=abs), max(range(10), key=lambda x: x % 4), min([], default="empty"))
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    int("abc")
except ValueError as e:
    print(e)
print((12).as_integer_ratio(), (7).real, (7).imag, (7).numerator, (-7).conjugate())
