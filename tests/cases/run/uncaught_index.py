def last_item(items, n):
    return items[n]

data = [1, 2, 3]
print(last_item(data, 2))
print(last_item(data, 5))
