a = t"hello {name}"
b = t"{x=}" t"{x = !r:>{w}}" t"{y:.2f} literal {{braces}}"
c = t"a" t"b{c}" t"""multi
{line}"""
d = rt"\d{x}" tr"{y}\n" T"{z}"
e = t"{ x + 1 = }" t"{x!a}" t"{'s'}" t"{f'{y}'}"
