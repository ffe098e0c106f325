def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
n = 0
while n < 3:
    n += 1
else:
    print("while finished", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
for i in range(5):
    if i % 2:
        continue
    print("even", i)
for i in []:
    pass
else:
    print("empty for else")
for x in range(3):
    for y in range(3):
        if x * y == 2:
            print("pair", x, y)
            break
    else:
        continue
    break
count = 0
for ch in "hello world":
    if ch == " ":
        continue
    count += 1
print(count)
