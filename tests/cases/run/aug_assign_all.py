x = 17
for op in ["+=", "-=", "*=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="]:
    y = x
    exec(f"y {op} 3")
    print(op, y)
a = 7
a += 1; a -= 2; a *= 3; a //= 4; a %= 3; a **= 5; a <<= 2; a >>= 1; a &= 0xFF; a |= 1; a ^= 6
print(a)
f = 2.5
f /= 2; f **= 2; f -= 0.5
print(f)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
s = "ab"
s *= 3
print(s)
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __isub__(self, other):
        return "replaced"
acc = Acc()
acc += 1
acc += 2
print(acc.items)
acc -= 0
print(acc)
d = {"k": 1}
d["k"] += 10
d.setdefault("z", [])
d["z"] += [5]
print(d)
class O: v = 1
o = O()
o.v += 5
print(o.v, O.v)
m = [[1, 2], [3, 4]]
m[1][0] *= 10
print(m)
st = {1, 2}
st |= {3}; st &= {1, 3, 4}; st ^= {9}; st -= {1}
print(sorted(st))
