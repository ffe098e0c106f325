"""Spectral norm of an infinite matrix, by power iteration (nested loops, float division, calls)."""


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(u):
    n = len(u)
    return [sum(a(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_transposed(u):
    n = len(u)
    return [sum(a(j, i) * u[j] for j in range(n)) for i in range(n)]


def at_times(u):
    return times_transposed(times(u))


def main(n=100):
    u = [1.0] * n
    for _ in range(5):
        v = at_times(u)
        u = at_times(v)
    vbv = sum(x * y for x, y in zip(u, v))
    vv = sum(x * x for x in v)
    print(f"{(vbv / vv) ** 0.5:.9f}")


main()
