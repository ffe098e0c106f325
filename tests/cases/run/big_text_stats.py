"""Text processing: a tiny markdown-ish document is tokenized with re, words are counted,
a concordance and n-gram tables are built, text is wrapped and justified, and a diff is shown."""
import difflib
import re
import string
import textwrap
from collections import Counter, defaultdict

DOC = """# The Lighthouse

The keeper climbed the stairs at dusk. The lamp was cold; the glass was dusty.
He wiped the lens, trimmed the wick, and struck a match -- the flame caught at once.

## Night

Ships passed in the dark. One, the *Marguerite*, signalled twice: "All well."
The keeper wrote in his log: 22:15, Marguerite, all well. Then silence.

## Morning

At 06:40 the fog lifted. The keeper slept. The lamp burned on, unneeded, until noon.
"""

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
TIME = re.compile(r"\b(?P<h>[0-2]\d):(?P<m>[0-5]\d)\b")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.MULTILINE)
EMPH = re.compile(r"\*(\w+)\*")
STOP = {"the", "a", "and", "at", "was", "in", "his", "he", "on", "then", "one", "of"}


def sections(text):
    marks = [(m.start(), len(m.group(1)), m.group(2)) for m in HEADING.finditer(text)]
    for i, (start, level, title) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        body = text[start:end].split("\n", 1)[1].strip()
        yield level, title, body


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def concordance(text, width=12):
    index = defaultdict(list)
    flat = " ".join(text.split())
    for m in WORD.finditer(flat):
        w = m.group().lower()
        if w in STOP or len(w) < 4:
            continue
        left = flat[max(0, m.start() - width):m.start()].rjust(width)
        right = flat[m.end():m.end() + width].ljust(width)
        index[w].append(f"{left}[{m.group()}]{right}")
    return index


def ngrams(seq, n):
    return zip(*(seq[i:] for i in range(n)))


def justify(text, width):
    lines = textwrap.wrap(text, width)
    out = []
    for line in lines[:-1]:
        gaps = line.count(" ")
        if not gaps:
            out.append(line)
            continue
        extra = width - len(line)
        parts = line.split(" ")
        for i in range(extra):
            parts[i % gaps] += " "
        out.append(" ".join(parts))
    out.append(lines[-1])
    return out


for level, title, body in sections(DOC):
    ws = words(body)
    print(f"{'  ' * (level - 1)}{title}: {len(ws)} words, {len(set(ws))} distinct, "
          f"{body.count('.')} full stops")

all_words = words(DOC)
counts = Counter(w for w in all_words if w not in STOP)
print(counts.most_common(5))
print(sorted(w for w, c in counts.items() if c == 2))
print(Counter(len(w) for w in all_words).most_common(3))
print([m.groupdict() for m in TIME.finditer(DOC)], TIME.sub(lambda m: f"{m['h']}h{m['m']}", "at 22:15 and 06:40"))
print(EMPH.findall(DOC), EMPH.sub(r"<em>\1</em>", "the *Marguerite* and *Dawn*"))
conc = concordance(DOC)
for line in conc["keeper"]:
    print(" ", line)
print(sorted(conc)[:6])
bigrams = Counter(ngrams(all_words, 2))
print([" ".join(bg) for bg, c in bigrams.most_common(3)])
print(len(list(ngrams(all_words, 3))), next(ngrams("abcd", 3)))

para = " ".join(DOC.split("\n\n")[1].split())
for line in justify(para, 36):
    print(f"|{line:<36}|")
print(textwrap.shorten(para, 40, placeholder=" [...]"))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.dedent("    x\n      y\n    z"))

before = DOC.splitlines()
after = [line.replace("keeper", "warden").replace("06:40", "07:00") for line in before]
after.insert(3, "A gull watched.")
for line in difflib.unified_diff(before, after, "before", "after", n=0, lineterm=""):
    print(line)
sm = difflib.SequenceMatcher(None, "lighthouse keeper", "lightship keeper")
print(round(sm.ratio(), 3), sm.get_matching_blocks()[:2])
print(difflib.get_close_matches("keepr", counts.keys(), n=2))

table = str.maketrans("", "", string.punctuation)
print(DOC.splitlines()[2].translate(table))
print(string.capwords("the old lamp burned on"), "lamp".center(10, "*"), "x".zfill(3))
print(re.split(r"[;:,.]\s*", "a; b: c, d. e"), re.fullmatch(r"\d+", "123") is not None)
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"), re.escape("a.b*c"))
scanner = re.compile(r"\s*(?:(\d+)|(\w+)|(.))")
tokens = []
for m in scanner.finditer("x1 = 42 + y"):
    num, name, op = m.groups()
    tokens.append(("NUM", num) if num else ("NAME", name) if name else ("OP", op))
print(tokens)
