"""Module docstring."""
import os.path as osp, sys
from . import sibling
from ..pkg import (a as b, c)
from os import *
global_var = [*sys.argv, *()]
d = {**os.environ, "k": 1}
print(*global_var, sep="", **d)
s = {1, *d}
t = x[1:2], x[::2], x[a:b:c]
x[1:] = y
x.attr += 1
x[i] //= 2
u, *v, w = range(5)
(a, b), c = (1, 2), 3
del x.attr, x[0]
