class AppError(Exception):
    code = 1
    def __init__(self, msg, *, detail=None):
        super().__init__(msg)
        self.detail = detail
    def __str__(self):
        base = super().__str__()
        return f"{base} ({self.detail})" if self.detail else base
class NotFound(AppError):
    code = 404
class Denied(AppError):
    code = 403
for exc in (NotFound("page", detail="/x"), Denied("nope"), AppError("generic")):
    try:
        raise exc
    except (NotFound, Denied) as e:
        print("specific", type(e).__name__, e.code, e, e.args)
    except AppError as e:
        print("generic", e, repr(e))
e = NotFound("a")
print(isinstance(e, Exception), NotFound.__mro__[1:3], e.__traceback__)
try:
    raise NotFound
except AppError as err:
    print("raised class:", type(err).__name__)
except TypeError as err:
    print("TypeError", err)
class WithRepr(Exception):
    pass
print(repr(WithRepr()), repr(WithRepr(1, 2)), str(WithRepr(1, 2)), str(WithRepr()))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(OSError("nf")))
try:
    raise 5
except TypeError as e:
    print(e)
