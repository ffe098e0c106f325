"""A sudoku solver: constraint propagation plus backtracking search, with a validity checker,
puzzle statistics and an unsolvable puzzle."""
from itertools import product

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS


def cross(a, b):
    return [r + c for r in a for c in b]


SQUARES = cross(ROWS, COLS)
UNITLIST = ([cross(ROWS, c) for c in COLS] + [cross(r, COLS) for r in ROWS]
            + [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")])
UNITS = {s: [u for u in UNITLIST if s in u] for s in SQUARES}
PEERS = {s: sorted(set(sum(UNITS[s], [])) - {s}) for s in SQUARES}


class Contradiction(Exception):
    pass


class Stats:
    def __init__(self):
        self.assignments = 0
        self.eliminations = 0
        self.guesses = 0
        self.backtracks = 0

    def __repr__(self):
        return (f"Stats(assign={self.assignments}, elim={self.eliminations}, "
                f"guesses={self.guesses}, backtracks={self.backtracks})")


def parse_grid(grid, stats):
    values = {s: DIGITS for s in SQUARES}
    chars = [c for c in grid if c in DIGITS or c in "0."]
    if len(chars) != 81:
        raise ValueError(f"a grid has 81 cells, not {len(chars)}")
    for s, d in zip(SQUARES, chars):
        if d in DIGITS:
            assign(values, s, d, stats)
    return values


def assign(values, s, d, stats):
    stats.assignments += 1
    for other in values[s].replace(d, ""):
        eliminate(values, s, other, stats)
    return values


def eliminate(values, s, d, stats):
    if d not in values[s]:
        return values
    stats.eliminations += 1
    values[s] = values[s].replace(d, "")
    if not values[s]:
        raise Contradiction(f"removed the last value from {s}")
    if len(values[s]) == 1:
        d2 = values[s]
        for peer in PEERS[s]:
            eliminate(values, peer, d2, stats)
    for unit in UNITS[s]:
        places = [sq for sq in unit if d in values[sq]]
        if not places:
            raise Contradiction(f"no place for {d} in a unit of {s}")
        if len(places) == 1:
            assign(values, places[0], d, stats)
    return values


def search(values, stats):
    if all(len(values[s]) == 1 for s in SQUARES):
        return values
    n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
    for d in values[s]:
        stats.guesses += 1
        try:
            return search(assign(dict(values), s, d, stats), stats)
        except Contradiction:
            stats.backtracks += 1
    raise Contradiction(f"every candidate for {s} fails")


def solve(grid):
    stats = Stats()
    values = parse_grid(grid, stats)
    return search(values, stats), stats


def render(values):
    width = 1 + max(len(values[s]) for s in SQUARES)
    line = "+".join(["-" * (width * 3)] * 3)
    out = []
    for r in ROWS:
        out.append("".join(values[r + c].center(width) + ("|" if c in "36" else "") for c in COLS))
        if r in "CF":
            out.append(line)
    return "\n".join(out)


def is_solution(values):
    return all(sorted(values[s] for s in unit) == list(DIGITS) for unit in UNITLIST)


EASY = "003020600900305001001806400008102900700000008006708200002609500800203009005010300"
HARD = "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......"
BAD = "11" + "." * 79

print(len(SQUARES), len(UNITLIST), len(PEERS["C2"]), UNITS["C2"][2][:3])
for name, grid in (("easy", EASY), ("hard", HARD)):
    solution, stats = solve(grid)
    print(name, stats, is_solution(solution))
    print(render(solution))

try:
    solve(BAD)
except Contradiction as exc:
    print("unsolvable:", exc)
try:
    solve("123")
except ValueError as exc:
    print("ValueError:", exc)

partial = parse_grid(EASY[:40] + "." * 41, Stats())
print(render(partial).splitlines()[0])
counts = {}
for s in SQUARES:
    counts[len(partial[s])] = counts.get(len(partial[s]), 0) + 1
print(sorted(counts.items()))
print(sum(1 for a, b in product("AB", "12")), list(product("xy", repeat=2)))


def naked_pairs(values):
    """Remove the two digits of a naked pair from the rest of its unit; return removals."""
    removed = []
    for unit in UNITLIST:
        pairs = [s for s in unit if len(values[s]) == 2]
        seen = {}
        for s in pairs:
            seen.setdefault(values[s], []).append(s)
        for digits, squares in seen.items():
            if len(squares) != 2:
                continue
            for other in unit:
                if other in squares:
                    continue
                for d in digits:
                    if d in values[other] and len(values[other]) > 1:
                        values[other] = values[other].replace(d, "")
                        removed.append((other, d))
    return removed


start = parse_grid(HARD, Stats())
before = sum(len(v) for v in start.values())
removed = naked_pairs(start)
after = sum(len(v) for v in start.values())
print(before, after, len(removed), removed[:4])


def digits_per_row(values):
    for r in ROWS[:3]:
        yield r, [len(values[r + c]) for c in COLS]


for row, lengths in digits_per_row(parse_grid(HARD, Stats())):
    print(row, lengths, sum(lengths))
