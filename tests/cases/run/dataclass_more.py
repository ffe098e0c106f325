from dataclasses import dataclass, field, asdict, astuple, replace, fields, KW_ONLY, InitVar
@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "x"
s = Slotted(1)
print(s, hasattr(s, "__dict__"), Slotted.__slots__)
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3))
try:
    Opts(True)
except TypeError as e:
    print(e)
@dataclass
class Mixed:
    x: int
    _: KW_ONLY
    y: int = 0
    z: list = field(default_factory=list)
print(Mixed(1, y=2), [f.name for f in fields(Mixed)])
@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithInit(5, 3)
print(w, asdict(w), astuple(w))
@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), replace(Ident(1), v=2))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(1), Version(0, 9)]), Version(2) > Version(1, 9), hash(Version(1)) == hash(Version(1, 0)))
