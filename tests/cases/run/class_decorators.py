def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def register(registry):
    def deco(cls):
        registry[cls.__name__.lower()] = cls
        return cls
    return deco
REG = {}
@register(REG)
@add_repr
class User:
    def __init__(self, name, admin=False):
        self.name, self.admin = name, admin
print(User("ann"), sorted(REG), REG["user"] is User)
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Settings:
    def __init__(self, v): self.v = v
print(Settings(1).v, Settings(2).v, type(Settings).__name__)
