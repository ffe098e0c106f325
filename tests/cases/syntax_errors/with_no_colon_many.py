with a, b
    pass
