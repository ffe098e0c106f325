def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return i
print(g())
def nested():
    log = []
    try:
        try:
            log.append("inner")
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("outer except")
    else:
        log.append("else")
    finally:
        log.append("outer finally")
    return log
print(nested())
def else_clause():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return f"else {x}"
    finally:
        print("else_clause finally")
print(else_clause())
def count():
    n = 0
    while True:
        try:
            n += 1
            if n > 2:
                return n
        finally:
            print("iteration", n)
print(count())
