x = 5 not 3
