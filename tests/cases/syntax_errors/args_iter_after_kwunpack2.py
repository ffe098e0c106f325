f(a, **k, *b, *c)
