def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("parse failed") from e
try:
    parse("x")
except RuntimeError as e:
    print(e, "|", e.__cause__, "|", e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during handling")
except TypeError as e:
    print(e, "|", repr(e.__context__), e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(e.__suppress_context__, e.__cause__, type(e.__context__).__name__)
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    print("reraised", e)
e = None
try:
    raise OSError("x")
except OSError as e:
    pass
try:
    e
except NameError as err:
    print(err)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as ex:
    print(repr(ex.__cause__))
