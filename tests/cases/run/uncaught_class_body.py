class Settings:
    debug = False
    level = 3
    ratio = level / (debug * 1)

print("unreachable")
