def risky(d):
    return 10 // d


def guarded():
    try:
        risky(0)
    except ZeroDivisionError:
        return "caught"


class Lazy:
    @property
    def value(self):
        raise AttributeError("not yet")


def lookup(table, key):
    return table[key]


print(guarded())
print(hasattr(Lazy(), "value"))  # caught by the host's hasattr: not an uncaught stop
values = {"a": 1}
print(lookup(values, "b"))
