(x for x y)
