import sys

def depth(n):
    return n if n == 0 else 1 + depth(n - 1)

try:
    depth(5000)
except RecursionError:
    print("too deep at default limit")
old = sys.getrecursionlimit()
sys.setrecursionlimit(6000)
print(sys.getrecursionlimit(), depth(5000))
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
