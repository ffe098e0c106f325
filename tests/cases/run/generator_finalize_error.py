def stubborn():
    try:
        yield 1
    finally:
        raise RuntimeError("cleanup failed")

def use():
    g = stubborn()
    next(g)
    print("dropping generator")

use()
print("after")
