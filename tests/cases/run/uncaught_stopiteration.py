items = iter([1])
print(next(items))
print(next(items))
