class Ring:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Ring(*self.items[i])
        return self.items[i % len(self.items)]
    def __setitem__(self, i, v): self.items[i % len(self.items)] = v
    def __delitem__(self, i): del self.items[i % len(self.items)]
    def __contains__(self, v): return v in self.items
    def __iter__(self): return iter(self.items)
    def __reversed__(self): return reversed(self.items)
    def __repr__(self): return f"Ring{tuple(self.items)}"
    def __bool__(self): return bool(self.items)
r = Ring(1, 2, 3)
print(r[4], r[-1], r[0:2], len(r), 2 in r, 9 in r, list(reversed(r)))
r[5] = 30
del r[3]
print(r, bool(r), bool(Ring()), sorted(r, reverse=True))
a, b = r
print(a, b, [x * 2 for x in r], sum(r), min(r), max(r))
class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * i
print(list(OnlyGetitem()), 4 in OnlyGetitem(), 1 in OnlyGetitem())
class Missing(dict):
    def __missing__(self, key): return f"<{key}>"
m = Missing(a=1)
print(m["a"], m["zz"], m.get("zz"))
