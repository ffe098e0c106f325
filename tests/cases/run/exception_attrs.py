try:
    {}["missing"]
except KeyError as e:
    print(repr(e), e.args, str(e))
try:
    [].pop()
except IndexError as e:
    print(repr(e))
try:
    int("q")
except ValueError as e:
    print(e.args)
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.filename, isinstance(e, OSError))
try:
    None.attr
except AttributeError as e:
    print(e, e.name)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e, e.name)
try:
    import nonexistent_module_xyz
except ModuleNotFoundError as e:
    print(e, e.name)
e = ValueError("a", "b")
print(e.args, str(e), repr(e))
class E(Exception):
    pass
print(repr(E()), str(E("m")), E.__mro__[1].__name__, issubclass(E, BaseException))
err = RuntimeError("x")
err.add_note("note 1")
print(err.__notes__)
try:
    raise TypeError
except TypeError as t:
    print(repr(t), t.args)
print(BaseExceptionGroup("g", [ValueError()]).__class__.__name__)
