def averager():
    total = count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except ValueError as e:
            print("reset because", e)
            total = count = 0
            avg = None
            continue
        if value is None:
            return avg
        total += value
        count += 1
        avg = total / count
g = averager()
print(next(g), g.send(10), g.send(20), g.throw(ValueError("bad")), g.send(6))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
c = closer()
print(next(c))
c.close()
print(c.gi_frame, list(c))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore_exit()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
def fresh(): yield 1
f = fresh()
try:
    f.send(5)
except TypeError as e:
    print(e)
