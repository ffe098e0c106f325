import math
cases = [("sqrt", (-1,)), ("sqrt", (-2.5,)), ("log", (0,)), ("log", (-1,)), ("log", (0.0,)), ("log10", (0,)), ("log2", (-3,)), ("log1p", (-1,)), ("log1p", (-2,)),
         ("acos", (2,)), ("asin", (-2,)), ("acosh", (0,)), ("atanh", (1,)), ("atanh", (2,)), ("log", (10, 0)), ("log", (10, 1)), ("log", (-10, 2)), ("pow", (0, -1)), ("pow", (-1, 0.5)),
         ("fmod", (1, 0)), ("gamma", (0,)), ("gamma", (-1,)), ("lgamma", (0,)), ("exp", (1000,)), ("cos", (float("inf"),)), ("sin", (float("inf"),)), ("tan", (float("inf"),)), ("factorial", (-1,)), ("isqrt", (-1,)), ("sqrt", (float("-inf"),)), ("log", (float("-inf"),))]
for name, args in cases:
    try:
        getattr(math, name)(*args)
        print(name, args, "ok")
    except Exception as e:
        print(name, args, type(e).__name__, e)
try:
    [1, 2].index(3)
except ValueError as e: print("list", e)
try:
    (1, 2).index(3)
except ValueError as e: print("tuple", e)
try:
    [1, 2].remove(3)
except ValueError as e: print("remove", e)
try:
    "ab".index("z")
except ValueError as e: print("str", e)
try:
    b"ab".index(b"z")
except ValueError as e: print("bytes", e)
import collections
try:
    collections.deque([1]).index(3)
except ValueError as e: print("deque", e)
try:
    collections.deque([1]).remove(3)
except ValueError as e: print("deque remove", e)
try:
    range(3).index(5)
except ValueError as e: print("range", e)
