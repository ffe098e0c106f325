def area(r):
    return math.pi * r ** 2

try:
    area(1)
except NameError as e:
    print("caught", e)
values = [1, 2]
print(valeus)
