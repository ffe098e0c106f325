def parse(rows):
    return sum(int(cell) for row in rows for cell in row.split(","))

print(parse(["1,2", "3"]))
print(parse(["1,2", "3,x"]))
