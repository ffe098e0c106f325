def raise_group():
    raise ExceptionGroup("batch", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])

try:
    raise_group()
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types", eg.exceptions)
except* KeyError:
    print("keys")

try:
    try:
        raise_group()
    except* ValueError:
        print("handled values")
except ExceptionGroup as rest:
    print("rest", rest.message, [type(e).__name__ for e in rest.exceptions])

try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped", type(eg).__name__, eg.exceptions)

eg = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
match, rest = eg.split(TypeError)
print(match, rest)
try:
    try:
        raise eg
    except* TypeError:
        raise RuntimeError("replacement")
except ExceptionGroup as e:
    print(type(e).__name__, [type(x).__name__ for x in e.exceptions])
