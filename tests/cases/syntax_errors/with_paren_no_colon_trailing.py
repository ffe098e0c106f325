with (a, b,)
    pass
