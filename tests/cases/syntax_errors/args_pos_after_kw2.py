g(x, y=2, z)
