class Outer:
    """Doc."""
    attr = 1
    __private = 2
    other = [attr for _ in range(3)]
    gen = (attr for _ in range(3))

    def method(self, __arg):
        return super().method(self.__private, __arg, __class__)

    @staticmethod
    def uses_class_name():
        return Outer, attr

    class Inner:
        def deep(self):
            return __class__, super()

    global g
    g = 1

    def sees_global(self):
        return g


def func():
    x = 1

    class InFunc:
        x = 2
        y = x

        def m(self):
            return x

        z = [x for _ in ()]
    return InFunc


class ___:
    __m = 1


class _Under:
    __n = 1
    __dunder__ = 2
