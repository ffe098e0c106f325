eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(eg, repr(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(match, rest, [repr(e) for e in match.exceptions])
print(eg.subgroup(TypeError).exceptions, eg.subgroup(KeyError))
try:
    raise eg
except* ValueError as g:
    print("values", [e.args for e in g.exceptions])
except* TypeError as g:
    print("types", [e.args for e in g.exceptions])
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError("naked")
    except* ValueError as g:
        print("wrapped:", type(g).__name__, g.exceptions)
except Exception as e:
    print("unexpected", e)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
print(nested.subgroup(TypeError))
