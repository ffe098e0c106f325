class A:
    """Doc of A."""
    cls_attr = 1
    def method(self, a, b=2, *args, c, **kw):
        "method doc"
        local = a
        return local
print(A.__doc__, A.method.__doc__, A.method.__name__, A.method.__qualname__)
code = A.method.__code__
print(code.co_argcount, code.co_kwonlyargcount, code.co_varnames, code.co_name, code.co_flags & 0x0C)
print(A.method.__defaults__, A.method.__kwdefaults__, A.method.__module__, callable(A.method))
print(type(A), type(type), type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
print(isinstance(A, type), A.__dict__["cls_attr"], "method" in A.__dict__, A.__base__, A.__subclasses__())
class B(A): pass
print(A.__subclasses__(), B.__mro__, B.mro() == list(B.__mro__))
def f(): pass
print(f.__name__, f.__qualname__, f.__defaults__, f.__closure__, f.__globals__ is globals(), f.__dict__)
f.custom = 5
print(f.__dict__, getattr(f, "custom"))
import inspect
print(inspect.signature(A.method), list(inspect.signature(f).parameters))
