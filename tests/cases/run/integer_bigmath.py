def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(200), len(str(fib(1000))))
f = 1
for i in range(1, 51):
    f *= i
print(f, f % 1000003, f.bit_length())
print(2 ** 521 - 1 > 10 ** 156, pow(3, 10 ** 5, 10 ** 9 + 7), (10 ** 50) // (3 ** 40), -(10 ** 40) % 97)
def is_prime(n):
    if n < 2: return False
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2; s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if a % n == 0: continue
        x = pow(a, d, n)
        if x in (1, n - 1): continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1: break
        else:
            return False
    return True
print([p for p in range(90, 130) if is_prime(p)], is_prime(2 ** 61 - 1), is_prime(2 ** 61 + 1))
print(str(7 ** 77)[:20], hex(2 ** 100), int("9" * 40) + 1)
