x = 1
whlie x:
    pass
