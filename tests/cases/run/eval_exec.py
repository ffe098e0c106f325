x = 10
print(eval("x * 2 + 1"))
print(eval("[i * i for i in range(n)]", {"n": 4}))
exec("y = x + 5\nprint('inside exec', y)")
print(y)
ns = {}
exec("def f(a):\n    return a * 3\nresult = f(7)", ns)
print(ns["result"], sorted(k for k in ns if k != "__builtins__"))
code = compile("total = sum(range(5))", "<calc>", "exec")
g = {}
exec(code, g)
print(g["total"])
def scoped():
    local_value = 3
    return eval("local_value + 1")
print(scoped())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError", e)
print(eval("  42"))
