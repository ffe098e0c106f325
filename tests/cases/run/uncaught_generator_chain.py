def numbers():
    yield from ["1", "2", "three", "4"]
def parsed(src):
    for s in src:
        yield int(s)
def doubled(src):
    for n in src:
        yield n * 2
for value in doubled(parsed(numbers())):
    print(value)
