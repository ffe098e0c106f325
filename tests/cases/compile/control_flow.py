def f(items):
    for i, x in enumerate(items):
        if x is None:
            continue
        elif x < 0 < i <= 10:
            break
        while x:
            x -= 1
            if not x and i or x:
                return x
        else:
            pass
    else:
        return -1
    assert items, "empty"
    with open(f) as fh, ctx():
        del items[0], fh
    try:
        return 1
    finally:
        print("done")
