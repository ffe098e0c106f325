[x in y]
x for
