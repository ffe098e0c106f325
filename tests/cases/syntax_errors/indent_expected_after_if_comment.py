if x:
    # only comment
