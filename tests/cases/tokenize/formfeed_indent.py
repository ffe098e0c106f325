if x:
    a
    b
