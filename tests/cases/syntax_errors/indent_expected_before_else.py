if x:
else:
    pass
