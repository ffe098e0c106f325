"""Recursive Fibonacci: deep call trees of a tiny function (call and return overhead)."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(25))
