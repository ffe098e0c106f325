import math
import os.path
from collections import Counter, defaultdict, OrderedDict, namedtuple, deque
from itertools import chain, groupby, permutations
import json as j
from functools import reduce
import re, string

print(math.sqrt(16), math.gcd(12, 18), math.factorial(5), math.pi > 3)
print(os.path.join("a", "b"), os.path.splitext("x.py"))
c = Counter("abracadabra")
print(c.most_common(2))
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd))
P = namedtuple("P", "x y")
p = P(1, 2)
print(p, p._replace(x=5), p.x + p.y)
print(list(chain([1], [2, 3])), [(k, len(list(g))) for k, g in groupby("aabbbc")])
print(len(list(permutations(range(3)))))
print(j.dumps({"a": [1, 2, {"b": None}]}, sort_keys=True), j.loads('{"x": 1}'))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\d)", r"\2\1", "a1b2"))
print(string.ascii_lowercase[:5])
q = deque([1, 2, 3], maxlen=3)
q.append(4)
print(q)
try:
    import does_not_exist
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nope
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
from math import *
print(floor(2.7))
