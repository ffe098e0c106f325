from enum import Enum, IntFlag, StrEnum, unique, auto

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def density_class(self):
        return "heavy" if self.mass > 1e24 else "light"

print(Planet.EARTH.density_class, Planet.MERCURY.radius, Planet["EARTH"].name)

class Status(StrEnum):
    ACTIVE = auto()
    INACTIVE = auto()

print(Status.ACTIVE, Status.ACTIVE == "active", list(Status))

@unique
class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3

    def __str__(self):
        return f"Shape<{self.name.lower()}>"

    @classmethod
    def biggest(cls):
        return max(cls, key=lambda s: s.value)

print(str(Shape.CIRCLE), Shape.biggest(), Shape(2))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(rw, int(rw), Perm.W in rw, Perm(7))
Animal = Enum("Animal", "CAT DOG")
print(Animal.DOG.value, [a.name for a in Animal])
print(Shape.SQUARE.__class__.__name__, isinstance(Shape.SQUARE, Shape))
