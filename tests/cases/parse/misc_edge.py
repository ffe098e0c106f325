x = 1; y = 2;
z = a if b else \
    c
a[()], a[1:2,], a[b, c:d, ...], a[::-1]
print(*args, sep='', **{'end': ''})
del (a), [b], (c, [d])
del (a.b), a[0:1]
class K(metaclass=M): pass
class L(A, B, *C, x=1, **D): pass
@a.b.c(d)(e)[f]
def g(a=lambda: 1, *, b=(yield)): pass
x = yield
y = yield from z
[w := 1 for i in range(3) if (w := i)]
{(k, v) for k in range(3) for v in range(k) if k if v}
{k: v for k, v in d.items()}
big = 1234567890123456789012345678901234567890
with (a, b) as c: pass
with a, (b): pass
if x:
    pass
elif y: pass
else: z
while 1: break
type T = int | \
    str
assert (x, "msg")
raise E() from exc
for x, in y: pass
for [a, b] in c: pass
f(a)(b)(c)
not not x
- - x
x = -2**-1
x = (1 if a else 2) if b else 3
x = [*a, *b][0]
x = {**a}.get
x = a.b.c.d
x = 'a' 'b' \
    'c'
