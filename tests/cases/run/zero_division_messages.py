cases = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1.0 / 0,
    lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1.0, 0), lambda: 0 ** -1,
    lambda: pow(0, -1), lambda: 0.0 ** -1, lambda: 1j / 0, lambda: 10 % 0.0,
]
for case in cases:
    try:
        case()
    except ZeroDivisionError as e:
        print(e)
x = 5
try:
    x //= 0
except ZeroDivisionError as e:
    print("inplace", e)
class Custom:
    def __truediv__(self, other):
        raise ZeroDivisionError("custom message")
try:
    Custom() / 1
except ZeroDivisionError as e:
    print(e)
