class Plugin:
    registry = []
    def __init_subclass__(cls, *, kind="generic", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Plugin.registry.append((cls.__name__, kind))
class A(Plugin): pass
class B(Plugin, kind="special"): pass
class C(B): pass
print(Plugin.registry, C.kind)
try:
    class D(Plugin, bogus=1): pass
except TypeError as e:
    print(e)
class Recorder:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Host:
    a = Recorder()
    b = Recorder()
print(Host.a.name, Host.b.name)
late = Recorder()
Host.c = late
print(hasattr(late, "name"))
