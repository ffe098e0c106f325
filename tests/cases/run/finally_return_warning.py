def h():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(h())
def loop():
    for i in range(3):
        try:
            pass
        finally:
            break
    return i
print(loop())
