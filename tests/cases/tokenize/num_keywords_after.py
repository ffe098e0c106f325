x = 1or 2
y = 0x1for
z = 1.5and 3
