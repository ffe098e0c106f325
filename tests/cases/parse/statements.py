import a
import a.b.c as d, e
from . import x
from .. import y as z
from ...pkg import (a, b,
    c as d,)
from .mod import *
from __future__ import annotations
global g, h
def f():
    nonlocal_ = 1
    def g():
        nonlocal nonlocal_
x = y = z = 1
a, b = c
[a, *b] = c
(a, b), c = d
a.b = c[d] = e
x += 1; x -= 1; x *= 1; x @= 1; x /= 1; x //= 1; x %= 1; x **= 1
x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1
x: int
x.y: int = 1
(x): int = 2
x[0]: str
del a, b[0], c.d, (e, f), [g]
assert x, "msg"
assert y
raise
raise E
raise E from None
while x:
    break
else:
    continue
for i in range(10):
    pass
else:
    pass
for a, b in c: pass
for (a, *b) in c: pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
with a: pass
with a as b, c as (d, e): pass
with (a as b, c): pass
with (a, b): pass
with (yield): pass
pass; pass
return_ = 1
