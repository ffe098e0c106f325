def combine(first, second):
    result = first * 10 + second
    return result


print(combine(4, 2))
