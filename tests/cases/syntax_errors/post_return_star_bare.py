def f():
    return *a,
    return *
