def countdown(n):
    if n == 0:
        raise ValueError("reached zero")
    return countdown(n - 1)

try:
    countdown(3)
except ValueError as e:
    print("caught", e)
countdown(12)
