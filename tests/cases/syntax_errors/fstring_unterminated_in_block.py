try:
    f'{ pass
x = 1
