data = ["1", "2", "three"]
print(list(map(int, data[:2])))
parsed = list(map(lambda s: int(s) * 2, data))
