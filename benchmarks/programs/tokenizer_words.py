"""String processing: a hand-written tokenizer over generated source text, then word counts in a
dict and a report (str methods, character tests, dict updates)."""

WORDS = ["alpha", "beta", "gamma", "delta", "if", "else", "return", "while", "x1", "y_2"]


def make_text(lines):
    out = []
    seed = 7
    for n in range(lines):
        parts = []
        for _ in range(8):
            seed = (seed * 75 + 74) % 65537
            w = WORDS[seed % len(WORDS)]
            if seed % 5 == 0:
                w = str(seed % 1000)
            elif seed % 7 == 0:
                w = "(" + w + ")"
            parts.append(w)
        out.append(" = ".join(parts[:2]) + " + " + " * ".join(parts[2:]) + "  # line %d" % n)
    return "\n".join(out)


def tokenize(text):
    tokens = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            while i < n and text[i] != "\n":
                i += 1
        elif c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < n and text[j].isdigit():
                j += 1
            tokens.append(("NUMBER", text[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(("NAME", text[i:j]))
            i = j
        else:
            tokens.append(("OP", c))
            i += 1
    return tokens


def main(lines=3000):
    tokens = tokenize(make_text(lines))
    counts = {}
    for kind, value in tokens:
        key = value if kind == "NAME" else kind
        counts[key] = counts.get(key, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    print(len(tokens), top)
    print(",".join(v.upper() for k, v in tokens[:12]))


main()
