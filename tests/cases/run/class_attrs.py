class Dog:
    species = "canis"
    tricks = []
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def add_trick(self, trick):
        self.tricks.append(trick)
a, b = Dog("a"), Dog("b")
a.add_trick("sit")
print(b.tricks, Dog.count, a.species)
a.species = "wolf"
print(a.species, b.species, Dog.species, "species" in vars(a))
del a.species
print(a.species)
Dog.species = "lupus"
print(b.species)
print(sorted(k for k in vars(Dog) if not k.startswith("__")), vars(b))
print(getattr(b, "missing", "default"), hasattr(Dog, "add_trick"))
setattr(b, "age", 3)
print(b.age, b.__dict__)
print(Dog.__name__, Dog.__qualname__, Dog.__module__, type(a).__name__, a.__class__ is Dog)
class Empty: pass
print(Empty.__bases__, Empty.__mro__, Empty().__dict__)
