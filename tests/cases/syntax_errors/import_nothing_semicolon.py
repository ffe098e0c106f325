import
x = 1
