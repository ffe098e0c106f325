from collections import Counter, deque, defaultdict, UserDict, UserList
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], sorted(c.elements())[:4], c.total() if hasattr(c, "total") else 11)
c.update("aaz")
c.subtract({"a": 2})
print(c["a"], c["z"], (c + Counter(b=1))["b"], sorted((c & Counter(a=1, r=5)).items()))
d = deque([1, 2, 3], maxlen=4)
d.appendleft(0); d.append(4); d.rotate(1)
print(d, d.maxlen, d.popleft(), d.pop(), list(d), d.count(2))
d.extendleft([9, 8])
print(d, d[0], d[-1])
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd), dd.default_factory)
class Upper(UserDict):
    def __setitem__(self, k, v): super().__setitem__(k.upper(), v)
u = Upper(a=1)
u["b"] = 2
print(u.data, "A" in u, len(u))
ul = UserList([1, 2])
ul.append(3)
print(ul, ul[1:], type(ul[1:]).__name__)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 1
print({k: dict(v) for k, v in nested.items()})
