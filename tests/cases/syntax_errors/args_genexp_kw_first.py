f(a=1, b for b in c)
