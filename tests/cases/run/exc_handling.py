def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return n

for n in range(3):
    try:
        r = risky(n)
    except ValueError as e:
        print("value", e, e.args)
    except (KeyError, TypeError) as e:
        print("key", repr(e))
    else:
        print("ok", r)
    finally:
        print("finally", n)

def f():
    try:
        return "try"
    finally:
        print("cleanup")

print(f())

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return i

print(g())

try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)

try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)

class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

try:
    raise MyErr(42)
except Exception as e:
    print(e, e.code, isinstance(e, MyErr))

try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)

e = None
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)

def nested():
    try:
        try:
            raise ValueError(1)
        finally:
            print("inner finally")
    except ValueError:
        print("outer caught")
        raise

try:
    nested()
except ValueError as e:
    print("reraised", e)
import sys
try:
    raise KeyError("k")
except KeyError:
    print(sys.exc_info()[0] is None)
assert 1 == 1, "fine"
try:
    assert 1 == 2, "bad"
except AssertionError as e:
    print("assert", e)
