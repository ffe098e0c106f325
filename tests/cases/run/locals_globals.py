x = 10
def show():
    y = 20
    z = y + 1
    print(sorted(locals().items()))
    print("x" in globals(), globals()["x"])
show()
globals()["dynamic"] = 5
print(dynamic)
class C:
    a = 1
    b = a + 1
    print(sorted(k for k in locals() if not k.startswith("__")))
print(sorted(k for k in vars(C) if not k.startswith("__")))
def closure():
    v = 1
    def inner():
        return v
    print(sorted(locals()))
    return inner
closure()
print(__name__, "show" in dir())
