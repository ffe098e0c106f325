match x:
    case {**rest}: pass
    case [*_]: pass
    case [*_, 1]: pass
    case Point(1, 2, x=3): pass
    case a.b(c=1, d=[1, 2]): pass
    case -0j | 1 + 2j | -1.5 - 3j: pass
    case (1 | 2) as y: pass
    case [a, (b, c), {"k": d}]: pass
    case {"a": 1, **kw} if kw: pass
    case str() | bytes(): pass
    case (x): pass
    case x if x: pass
match (x, y):
    case (1, 2): pass
match x,:
    case _: pass
match -x:
    case _: pass
match [x]:
    case _: pass
match {x}:
    case _: pass
