if (n := len(a)) > 10:
    pass
while chunk := f.read():
    pass
[y for x in data if (y := f(x))]
print(f"{(x := 1)}")
fs = [lambda x=x: x for x in range(3)]
g = lambda *a, **k: (a, k)
h = lambda: lambda: 1
