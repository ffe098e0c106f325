data = [1, 2, 3]
total = sum(data)
del data
print(total)
print(len(data))
