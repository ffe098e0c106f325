ns = {}
exec("x = 2\ny = x * 21\ndef f(a): return a + y", ns)
print(ns["y"], ns["f"](1), sorted(k for k in ns if k != "__builtins__"))
print(eval("1 + 2 * 3"), eval("x + 1", {"x": 10}), eval("y", {}, {"y": "local"}))
code = compile("a * b", "<expr>", "eval")
print(eval(code, {"a": 6, "b": 7}), code.co_filename, code.co_name)
code2 = compile("for i in range(3): total += i", "<loop>", "exec")
env = {"total": 0}
exec(code2, env)
print(env["total"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    exec("def broken(:\n  pass")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename, e.lineno)
def uses_locals():
    z = 5
    return eval("z * 2")
print(uses_locals())
g = {"__builtins__": {"len": len}}
print(eval("len('abc')", g))
try:
    eval("print('no print')", g)
except NameError as e:
    print(e)
