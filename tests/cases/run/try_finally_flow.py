def override():
    result = "unset"
    try:
        return "try"
    finally:
        result = "finally ran"
        print(result)

def swallow():
    seen = []
    for i in range(3):
        try:
            if i == 1:
                continue
            seen.append(i)
        finally:
            seen.append(f"f{i}")
    return seen

def nested_finally():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("handler")
    else:
        log.append("else")
    finally:
        log.append("outer finally")
    return log

def else_path():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return f"else {x}"
    finally:
        print("finally runs")

print(override(), swallow(), nested_finally(), else_path())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen_finally():
    if v == 1:
        break
print("after break")
def exc_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            [][0]
        except IndexError as e:
            return repr(e.__context__)
print(exc_in_except())
