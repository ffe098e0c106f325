import os.path
import collections.abc as cabc
from math import (pi, tau,
                  e as euler)
from itertools import *
import json, re
print(round(pi, 3), round(tau, 3), round(euler, 3), os.path.basename("/a/b.txt"), os.path.splitext("x.tar.gz"))
print(list(islice(count(5), 3)), list(repeat("z", 2)), isinstance([], cabc.Sequence), json.dumps([1]), re.__name__)
import importlib
m = importlib.import_module("string")
print(m.ascii_lowercase[:5], m.__name__)
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)
def local_import():
    from collections import deque
    import functools as ft
    return deque([1, 2], maxlen=1), ft.reduce(lambda a, b: a * b, [1, 2, 3])
print(local_import(), "deque" in dir())
print(__name__, __spec__ is None, __package__ is None or __package__ == "")
