from contextlib import contextmanager, suppress, ExitStack

class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.name == "swallow"

with Resource("a") as r, Resource("b"):
    print("body", r.name)

with Resource("swallow"):
    raise ValueError("hidden")
print("after swallow")

try:
    with Resource("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("p") as t:
    print("inside", t)

try:
    with tag("q"):
        raise RuntimeError("in q")
except RuntimeError as e:
    print("caught", e)

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")

with ExitStack() as stack:
    for n in "xy":
        stack.enter_context(Resource(n))
    print("stack body")

def early():
    with Resource("ret"):
        return "returned"
print(early())

for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        break

try:
    with 42:
        pass
except TypeError as e:
    print(e)
