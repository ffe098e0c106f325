def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(200) % 1000003)
import sys
print(sys.getrecursionlimit() >= 1000)
