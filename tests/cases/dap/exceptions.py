def risky(d):
    return 10 // d


def guarded():
    try:
        risky(0)
    except ZeroDivisionError:
        return "caught"


print(guarded())
values = {"a": 1}
print(values["b"])
