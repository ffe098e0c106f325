def double(v):
    result = v * 2
    return result
