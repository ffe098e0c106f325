if x:
    y