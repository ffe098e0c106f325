"""Generator pipelines: chained generators, generator expressions and `yield from` (frame
suspension and resumption dominate)."""


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x


def squares(items):
    for x in items:
        yield x * x


def windows(items, size):
    window = []
    for x in items:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)


def chained(n):
    yield from numbers(n)
    yield from (x for x in range(n) if x % 3 == 0)


def main(n=100000):
    total = sum(squares(evens(numbers(n))))
    wins = sum(1 for w in windows(chained(n // 3), 3) if w[0] < w[2])
    print(total, wins, max(x % 97 for x in chained(n // 4)))


main()
