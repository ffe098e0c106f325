counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print(counter)

def outer():
    a = 1
    def middle():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
            return a
        return inner()
    r = middle()
    return a, r

print(outer())

def make():
    state = {"n": 0}
    def step():
        state["n"] += 1
        return state["n"]
    return step

s = make()
s(); s()
print(s())

def delete_global():
    global temp
    temp = 5
    del temp

delete_global()
try:
    print(temp)
except NameError as e:
    print(e)

def closure_delete():
    v = 1
    def get():
        return v
    del v
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)

closure_delete()
