import helper


def add(a, b):
    total = a + b
    return total


def spin(n):
    items = []
    for i in range(n):
        items.append(i * i)
    return items


x = add(1, 2)
print("x is", x)
squares = spin(5)
y = helper.double(x)
print("done", y, squares)
