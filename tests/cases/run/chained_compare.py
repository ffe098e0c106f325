def f(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 != 2)
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
a = [1, 2]
print(1 in a in [[1, 2]], 3 not in a, a is a is not None)
x = 5
print(0 <= x < 10, 0 <= x <= 4, "a" < "b" <= "b" < "c")
class Loud:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print(f"{self.v}<{o.v}")
        return self.v < o.v
print(Loud(1) < Loud(2) < Loud(0) < Loud(5))
try:
    print(1 < "a" < 3)
except TypeError as e:
    print(e)
print([n for n in range(20) if 3 < n % 7 <= 5])
