data = [3, 1, 4, 1, 5, 9, 2, 6]
it = iter(data)
total = 0
while (n := next(it, None)) is not None:
    if n > 5:
        break
    total += n
print(total, n)
import re
lines = ["key=value", "nothing", "x=1"]
print([m.group(1) for line in lines if (m := re.match(r"(\w+)=", line))])
def counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
s = counter()
while (c := s()) < 3:
    print("step", c)
print({k: v for k, v in zip("abc", range(3)) if (double := v * 2) > 1}, double)
