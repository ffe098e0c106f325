a or b and not c
a < b <= c > d >= e == f != g in h not in i is j is not k
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n
-a, +b, ~c, not d
a if b else c if d else e
(x := 5)
[y := 1, y ** 2]
f(x := 1)
a[b:c:d], a[::], a[:], a[b:], a[:c], a[::d], a[b, c:d], a[*b], a[b, *c]
a.b.c, a(b)(c), a[b][c]
f(), f(a), f(a, b), f(*a), f(**a), f(a=1), f(a, *b, c=d, **e), f(x for x in y)
f(a, *b, *c, d=1, *e, **f, g=2)
[1, 2, *a], (1, 2, *a), {1, 2, *a}, {1: 2, **a, 3: 4}
(), (1,), [], {}, {1}, (a)
[x for x in y], {x for x in y}, {x: y for x, y in z}, (x for x in y)
[x for x in y if x if not x for z in x]
[x async for x in y]
await x
lambda: (yield)
...
a, *b = c
print(*a, sep="")
x = (
    1,
    2,
)
y = a.b(c)[d].e
z = (a
     + b)
not_ = a if not b else c
None, True, False
