def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
c(); c()
print(c(5))

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in make_adders()])

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]

print(late())

x = "global"
def scope():
    x = "enclosing"
    def inner():
        global y
        y = "set"
        return x
    return inner()

print(scope(), y)

def unbound():
    print(v)
    v = 1

try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def free_unbound():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    w = 1

free_unbound()
print(c.__closure__[0].cell_contents)
