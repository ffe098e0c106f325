import re
data = ["a=1", "junk", "b=22", "c=x"]
pat = re.compile(r"(\w)=(\d+)")
print([m.groups() for line in data if (m := pat.fullmatch(line))])
buf = [5, 3, 0, 7]
i = 0
while (v := buf[i]) != 0:
    print("value", v)
    i += 1
print(i, v)
if (n := len(data)) > 3:
    print(f"{n} items")
total = 0
print([total := total + x for x in range(5)], total)
def f():
    return [(y := k) for k in "abc"], y
print(f())
print((w := 10) + w, w)
vals = {"k": 3}
if (got := vals.get("k")) is not None and got > 2:
    print("got", got)
print([(s, l) for s in ("a", "bbb") if (l := len(s)) > 1])
