class LoggingDict(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("define", key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return LoggingDict()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.fields = [k for k in ns if not k.startswith("__")]
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"

class Model(metaclass=Meta, table="users"):
    id = 1
    def save(self):
        return "saved"
    name = "x"

print(Model, Model.fields, Model().save(), type(Model))

class Registry(type):
    classes = {}
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes[name] = cls

class Base(metaclass=Registry): pass
class Child(Base): pass
print(sorted(Registry.classes))

class WithGetitem:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(WithGetitem[int])
class Sing:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
print(Sing(1) is Sing(2), Sing(3).v)
