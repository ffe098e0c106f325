wiht a:
    pass
