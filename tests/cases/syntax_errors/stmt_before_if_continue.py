for i in x:
    continue if a else b
