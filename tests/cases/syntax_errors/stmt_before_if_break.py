for i in x:
    break if a else b
