"""Cellular automata: Conway's Life on a torus with a set of live cells, pattern detection
(still lifes, oscillators, gliders), an elementary automaton (rule 30/90/110), and Langton's ant."""
from collections import Counter


class Life:
    def __init__(self, width, height, cells=()):
        self.width, self.height = width, height
        self.cells = frozenset(cells)
        self.generation = 0

    @classmethod
    def parse(cls, text, width=None, height=None):
        lines = text.strip("\n").splitlines()
        cells = {(x, y) for y, line in enumerate(lines) for x, ch in enumerate(line) if ch == "#"}
        return cls(width or max(map(len, lines)), height or len(lines), cells)

    def neighbours(self, x, y):
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    yield (x + dx) % self.width, (y + dy) % self.height

    def step(self):
        counts = Counter(n for cell in self.cells for n in self.neighbours(*cell))
        self.cells = frozenset(c for c, k in counts.items() if k == 3 or (k == 2 and c in self.cells))
        self.generation += 1
        return self

    def run(self, n):
        for _ in range(n):
            self.step()
        return self

    def normalized(self):
        if not self.cells:
            return frozenset()
        mx = min(x for x, _ in self.cells)
        my = min(y for _, y in self.cells)
        return frozenset((x - mx, y - my) for x, y in self.cells)

    def classify(self, limit=20):
        start = self.normalized()
        positions = [self.cells]
        shapes = [start]
        for gen in range(1, limit + 1):
            self.step()
            if not self.cells:
                return f"dies at {gen}"
            if self.cells == positions[0]:
                return "still life" if gen == 1 else f"oscillator, period {gen}"
            if self.normalized() == start:
                return f"spaceship, period {gen}"
            positions.append(self.cells)
            shapes.append(self.normalized())
        return "unknown"

    def __str__(self):
        return "\n".join("".join("#" if (x, y) in self.cells else "." for x in range(self.width))
                         for y in range(self.height))


PATTERNS = {
    "block": "##\n##",
    "blinker": "###",
    "toad": ".###\n###.",
    "glider": ".#.\n..#\n###",
    "beacon": "##..\n##..\n..##\n..##",
    "diehard-ish": "#.#\n...\n.#.",
}

for name, text in PATTERNS.items():
    board = Life.parse(text, 12, 12)
    print(f"{name:<12} {len(board.cells):>2} cells: {board.classify()}")

glider = Life.parse(".#.\n..#\n###", 8, 8)
glider.run(4)
print(glider)
print(glider.generation, sorted(glider.cells))
rpent = Life.parse(".##\n##.\n.#.", 30, 30)
pops = [len(rpent.step().cells) for _ in range(30)]
print(pops)


def elementary(rule, width=31, steps=15):
    table = {tuple(map(int, f"{i:03b}")): (rule >> i) & 1 for i in range(8)}
    row = [0] * width
    row[width // 2] = 1
    out = []
    for _ in range(steps):
        out.append("".join(".#"[c] for c in row))
        row = [table[(row[i - 1], row[i], row[(i + 1) % width])] for i in range(width)]
    return out


for rule in (30, 90):
    print(f"rule {rule}")
    print("\n".join(elementary(rule, steps=8)))
print(sum(line.count("#") for line in elementary(110, 40, 40)))


def langton(steps, size=11):
    black = set()
    x = y = size // 2
    dx, dy = 0, -1
    for _ in range(steps):
        if (x, y) in black:
            dx, dy = dy, -dx
            black.remove((x, y))
        else:
            dx, dy = -dy, dx
            black.add((x, y))
        x, y = (x + dx) % size, (y + dy) % size
    return black, (x, y)


black, pos = langton(200)
print(len(black), pos)
print("\n".join("".join("#" if (c, r) in black else "." for c in range(11)) for r in range(11)))
