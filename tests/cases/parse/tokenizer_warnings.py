e = 1if x else 2
f = 0x1for x in y
