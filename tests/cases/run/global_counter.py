counter = 0
def bump(n=1):
    global counter
    counter += n
    return counter
bump(); bump(5)
print(counter)
def read_only():
    return counter * 2
print(read_only())
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def create():
    global created
    created = "made"
create()
print(created)
def bad():
    print(counter)
    counter = 1
try:
    bad()
except UnboundLocalError as e:
    print(e)
exec("counter = 999")
print(counter)
g = globals()
g["dynamic"] = 42
print(dynamic)
