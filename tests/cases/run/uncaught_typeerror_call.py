def area(width, height, *, unit="m"):
    return f"{width * height} {unit}^2"
print(area(3, 4))
print(area(3, 4, unit="cm"))
sizes = [(2, 3), (4,)]
for s in sizes:
    print(area(*s))
