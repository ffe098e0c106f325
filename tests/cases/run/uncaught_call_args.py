def area(width, height):
    return width * height

print(area(2, 3))
result = area(2, 3, 4)
