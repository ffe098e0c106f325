def read_lines():
    text = """# comment
alpha 3
beta 10

gamma x
delta 7"""
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line
def strip_comments(lines):
    for n, line in lines:
        if line.strip() and not line.startswith("#"):
            yield n, line
def parse(lines):
    for n, line in lines:
        name, _, value = line.partition(" ")
        try:
            yield name, int(value)
        except ValueError:
            print(f"line {n}: bad value {value!r}")
def running_total(items):
    total = 0
    for name, value in items:
        total += value
        yield name, value, total
for row in running_total(parse(strip_comments(read_lines()))):
    print(row)
gen = running_total(parse(strip_comments(read_lines())))
print(next(gen), gen.__name__, gen.gi_running)
import itertools
evens = (n for n in itertools.count() if n % 2 == 0)
squares = (n * n for n in evens)
print(list(itertools.islice(squares, 5)))
