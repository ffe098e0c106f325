a, *b, c = range(5)
*a, = b
[*a, *b]
{*a, *b}
{**a, **b}
print(*a, *b, **c, **d)
x = *a, *b
for *a, b in c: pass
return_value = (*a,)
