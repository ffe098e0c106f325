import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color))
print(len(Color), Color.RED.name, Color.RED.value, [m.name for m in Color.__members__.values()])
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), int(rw), Perm.W in rw, Perm(7), Perm(0), list(Perm(5)))
class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3
print(Level.LOW < Level.HIGH, Level.HIGH + 1, sorted([Level.HIGH, Level.LOW]), Level(3).name)
@enum.unique
class Dir(enum.Enum):
    N = "n"
    S = "s"
    def flip(self):
        return Dir.S if self is Dir.N else Dir.N
print(Dir.N.flip(), Dir("s"))
try:
    Color(9)
except ValueError as e:
    print(e)
try:
    @enum.unique
    class Bad(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
class Auto(enum.Enum):
    X = enum.auto()
    Y = enum.auto()
print(Auto.X.value, Auto.Y.value, isinstance(Auto.X, Auto), type(Auto.X).__name__)
