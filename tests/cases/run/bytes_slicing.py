b = b"hello world"
print(b[0], b[:5], b.upper(), b.split(), b.replace(b"o", b"0"), b.hex(), len(b))
ba = bytearray(b"abc")
ba[0] = 65
ba.extend(b"de")
print(ba, ba.decode(), bytes(ba[1:3]), ba.find(b"d"))
lst = list(range(10))
print(lst[2:8:2], lst[::-2], lst[-3:], lst[:-7], lst[100:], lst[5:2])
lst[1:3] = ["a", "b", "c"]
print(lst)
del lst[::2]
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
s = "abcdefgh"
print(s[1::3], s[-1:-4:-1], s[::], s[2:2])
t = (0, 1, 2, 3)
print(t[1:], t[::-1], t[:2] + t[2:])
m = [[0] * 3 for _ in range(2)]
m[1][2] = 5
print(m)
try:
    lst[::2] = [1]
except ValueError as e:
    print(e)
lo, hi = 1, 3
lst[lo:hi] = ["z"]
print(lst, lst[lo:hi], s[lo:hi])
del lst[lo:hi]
print(lst)
