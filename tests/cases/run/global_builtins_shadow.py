print(len("abc"))
def len(x):
    return "shadowed"
print(len("abc"))
del len
print(len("abc"))
import builtins
orig = builtins.max
def show():
    return max(1, 2)
print(show())
list = lambda *a: "not a list"
print(list(), type([]).__name__)
del list
print(list("ab"))
True_ = True
print(True_ and not False, None is None)
def uses_print():
    print = lambda *a: None
    print("invisible")
    return "done"
print(uses_print())
