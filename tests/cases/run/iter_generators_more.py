def chunks(seq, n):
    it = iter(seq)
    while True:
        chunk = []
        try:
            for _ in range(n):
                chunk.append(next(it))
        except StopIteration:
            if chunk:
                yield chunk
            return
        yield chunk

print(list(chunks(range(7), 3)))

def running_avg():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

ra = running_avg()
next(ra)
print([ra.send(v) for v in (10, 20, 60)])

class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k

t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), 3 in t, sum(t))

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

def naturals():
    n = 0
    while True:
        yield n
        n += 1

print(list(take(5, (x * x for x in naturals() if x % 2))))
gen = (x for x in [1, 2, 3])
print(next(gen), list(gen), next(gen, "exhausted"))
def pipeline(data):
    stage1 = (d.strip() for d in data)
    stage2 = (d for d in stage1 if d)
    stage3 = (d.upper() for d in stage2)
    return list(stage3)
print(pipeline([" a ", "", " b"]))
def g_with_return():
    yield 1
    return 99
def wrapper():
    result = yield from g_with_return()
    yield result
print(list(wrapper()))
