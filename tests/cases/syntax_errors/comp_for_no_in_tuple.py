[x for a, b]
