def counter():
    count = 0
    step = 1
    def bump():
        nonlocal count
        count += step
        return count
    return bump


b = counter()
print(b(), b())
