[x for a, b,]
