for a, b in c, d
    pass
