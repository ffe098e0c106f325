class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(("get", name))
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append(("set", name))
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append(("del", name))
        delattr(self._target, name)
class T: pass
t = T()
p = Proxy(t)
p.a = 1
print(p.a, t.a)
del p.a
print(hasattr(t, "a"), p._log)
class Strict:
    __slots__ = ("x",)
s = Strict()
s.x = 1
try:
    s.y = 2
except AttributeError as e:
    print(e)
class GA:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
g = GA()
g.real = 5
print(g.real, g.secret, g.other)
class Dir:
    def __dir__(self): return ["b", "a"]
print(dir(Dir()))
