s = list(range(10))
print(s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[-1:-4:-1], s[100:], s[5:2])
t = s[:]
t[2:5] = ["a", "b"]
print(t)
t[::3] = [None] * len(t[::3])
print(t)
try:
    t[::2] = [1]
except ValueError as e:
    print(e)
del t[1:3]
print(t)
del t[::2]
print(t)
u = list("abcdef")
u[1:1] = "XY"
print(u)
u[-2:] = []
print(u)
print("hello"[1:4], "hello"[::-1], b"bytes"[1:3], (1, 2, 3, 4)[1::2])
sl = slice(1, 8, 3)
print(s[sl], sl.start, sl.stop, sl.step, sl.indices(5))
class Seq:
    def __getitem__(self, key):
        return key
q = Seq()
print(q[1:2], q[::], q[1:2, 3], q[..., 1], q[:, None])
print(range(10)[2:8:2], "abc"[5:], [1, 2, 3][-10:10])
import itertools
print(list(itertools.islice("abcdefg", 1, None, 2)))
m = memoryview(b"abcdef")
print(bytes(m[1:4]), m[::2].tobytes())
