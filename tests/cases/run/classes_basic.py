class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
    @property
    def upper(self):
        return self.name.upper()
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def make(cls, n):
        return cls(n)

d = Dog.make("rex")
print(d, d.speak(), d.upper, Dog.s(4), d.kind, isinstance(d, Animal), Dog.__mro__)
print(Dog.__name__, Dog.__qualname__, Dog.__module__, Dog.speak.__qualname__)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = kw
        return cls
    def __call__(cls, *a, **k):
        print("calling", cls.__name__)
        return super().__call__(*a, **k)

class WithMeta(metaclass=Meta, flag=True):
    pass

w = WithMeta()
print(WithMeta.created_by, WithMeta.extra, type(WithMeta).__name__)

class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))

class A(Base, tag="a"): pass
class B(A): pass
print(Base.registry)

class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return f"desc {self.name}"

class HasDesc:
    attr = Desc()

print(HasDesc().attr)

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __iter__(self):
        yield self.x
        yield self.y

p = Point(1, 2) + Point(3, 4)
print(list(p), Point(1, 2) == Point(1, 2), sorted([Point(2, 1), Point(1, 5)])[0].x)

class Multi(Dog, Animal):
    def speak(self):
        return "multi: " + super().speak()

print(Multi("m").speak())

class Z:
    def method(self):
        s = super()
        return s.__class__.__name__
print(Z().method())
