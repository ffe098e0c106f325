x = [1, 2 3]
impot y
