import functools

class Node:
    def __init__(self, parent: Node | None = None):
        self.parent = parent

    @classmethod
    def root(cls) -> Node:
        return cls()

    @staticmethod
    def helper(x: Later) -> int:
        return 1

def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper

@deco
def uses_forward(x: Missing) -> Node:
    return x

print(Node.root().parent, Node.helper(0), uses_forward(5))
print(Node.__init__.__annotations__)
try:
    Node.helper.__annotations__
except NameError as e:
    print("NameError", e)

class Later:
    pass

print(Node.helper.__annotations__["x"] is Later)
def plain(a: int, b: str = "s") -> bool:
    pass
print(plain.__annotations__)
