if x:
    y
    # trailing