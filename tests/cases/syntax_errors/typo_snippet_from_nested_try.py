def f(v):
    try:
        return int(v)
    except E:
        return v
def g(w):
    n w
