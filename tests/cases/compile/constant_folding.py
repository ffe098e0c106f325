A = 2 ** 10 - 1
B = ("a", "b") * 3
C = -(-5)
D = not 0
E = 1 if __debug__ else 2
F = x in [1, 2, 3]
G = [x for x in {1, 2, 3}]
H = [1, 2, 3, 4]
I = "abc"[1]
J = (1, (2, 3), None)
K = 2 ** 1000
for _ in (1, 2):
    pass
L = x in {100, 3, 1, 2, 10, -1, 2.5, None, (1, 2)}
M = [y for y in {5, 13, 21, 29, 37, 45, 53, 61, 69}]
N = x not in {True, 1, 0, False}
