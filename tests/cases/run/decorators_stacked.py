import functools
calls = []
def log(tag):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*a, **k):
            calls.append(f"{tag}>{f.__name__}")
            r = f(*a, **k)
            calls.append(f"{tag}<{f.__name__}")
            return r
        return wrapper
    return deco
@log("outer")
@log("inner")
def work(x):
    calls.append(f"work {x}")
    return x * 2
print(work(5), calls)
def retry(times):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*a):
            for attempt in range(1, times + 1):
                try:
                    return f(*a)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError("gave up")
        return wrapper
    return deco
state = {"n": 0}
@retry(3)
def flaky():
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError(f"try {state['n']}")
    return "ok"
print(flaky(), work.__name__, work.__wrapped__.__name__, work.__wrapped__.__wrapped__.__name__)
@retry(2)
def always_bad():
    raise ValueError("nope")
try:
    always_bad()
except RuntimeError as e:
    print(e, e.__context__)
