class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x for x in Countdown(2)])
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
sentinel_iter = iter(Countdown(5).__next__, 2)
print(list(sentinel_iter))
class Both:
    def __iter__(self):
        yield from range(3)
b = Both()
print(list(b), list(b), sum(b), dict(zip(b, "abc")), list(enumerate(b, 1)))
import itertools
print(list(itertools.chain(Countdown(2), b)), list(zip(Countdown(3), "xy")))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
