if a:
    pass
elsif b:
    pass
