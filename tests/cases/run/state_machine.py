def tokenize(text):
    state = "start"
    token = ""
    for ch in text + " ":
        match state, ch:
            case "start", c if c.isdigit():
                state, token = "number", c
            case "start", c if c.isalpha():
                state, token = "word", c
            case "start", " ":
                pass
            case "number", c if c.isdigit():
                token += c
            case "word", c if c.isalnum():
                token += c
            case ("number" | "word"), " ":
                yield (state, token)
                state = "start"
            case _, c:
                yield ("error", c)
                state = "start"

print(list(tokenize("abc 123 x9 4!")))

ACTIONS = {}
def action(name):
    def deco(f):
        ACTIONS[name] = f
        return f
    return deco

@action("add")
def add(a, b):
    return a + b

@action("mul")
def mul(a, b):
    return a * b

for cmd in ["add 2 3", "mul 4 5", "div 1 2"]:
    name, *args = cmd.split()
    fn = ACTIONS.get(name)
    print(cmd, "=>", fn(*map(int, args)) if fn else "unknown")
