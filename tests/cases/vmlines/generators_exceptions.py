"""Line events of generators resumed by send/throw/close, yields inside with/try, exceptions
crossing generator frames, except* handlers, and coroutines driven by hand."""
import contextlib


def accumulate():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError:
            value = 0
        finally:
            pass
        if value is None:
            return total
        total += value


acc = accumulate()
next(acc)
acc.send(3)
acc.throw(ValueError)
acc.send(4)
try:
    acc.send(None)
except StopIteration as stop:
    print("returned", stop.value)


@contextlib.contextmanager
def managed():
    yield "resource"


def with_yield():
    with managed() as r:
        yield r
        yield r.upper()


print(list(with_yield()))
w = with_yield()
next(w)
w.close()


def raiser():
    yield 1
    raise KeyError("gen")


def consumer():
    try:
        for v in raiser():
            print("got", v)
    except KeyError as e:
        print("consumer caught", e)


consumer()


def groups():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        print("values", len(eg.exceptions))
    except* TypeError:
        print("types")


groups()


class Ticket:
    def __await__(self):
        got = yield "wait"
        return got * 2


async def work():
    a = await Ticket()
    try:
        await Ticket()
    except RuntimeError as e:
        return a, str(e)


co = work()
print(co.send(None))
print(co.send(5))
try:
    co.throw(RuntimeError("stop"))
except StopIteration as stop:
    print("done", stop.value)


def chain():
    yield from accumulate_once()


def accumulate_once():
    x = yield 1
    return x


ch = chain()
next(ch)
try:
    ch.send(9)
except StopIteration:
    print("chain done")
