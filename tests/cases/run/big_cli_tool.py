"""A command-line tool: parses sys.argv by hand into subcommands, runs a small key-value store
through a command script, reports usage errors on stderr and ends with sys.exit(status)."""
import sys
import shlex


class UsageError(Exception):
    def __init__(self, message, status=2):
        super().__init__(message)
        self.status = status


class Store:
    def __init__(self):
        self.data = {}
        self.history = []
        self.undo_stack = []

    def set(self, key, value):
        self.undo_stack.append((key, self.data.get(key)))
        self.data[key] = value
        return f"{key} = {value!r}"

    def get(self, key):
        if key not in self.data:
            raise KeyError(key)
        return self.data[key]

    def delete(self, key):
        if key not in self.data:
            raise KeyError(key)
        self.undo_stack.append((key, self.data.pop(key)))
        return f"deleted {key}"

    def undo(self):
        if not self.undo_stack:
            raise UsageError("nothing to undo", status=3)
        key, old = self.undo_stack.pop()
        if old is None:
            self.data.pop(key, None)
        else:
            self.data[key] = old
        return f"restored {key}"

    def incr(self, key, by="1"):
        try:
            amount = int(by)
        except ValueError:
            raise UsageError(f"incr: {by!r} is not an integer") from None
        current = self.data.get(key, "0")
        if not current.lstrip("-").isdigit():
            raise UsageError(f"incr: {key} holds {current!r}")
        return self.set(key, str(int(current) + amount))


COMMANDS = {
    "set": (2, 2, "set KEY VALUE"),
    "get": (1, 1, "get KEY"),
    "del": (1, 1, "del KEY"),
    "undo": (0, 0, "undo"),
    "incr": (1, 2, "incr KEY [BY]"),
    "dump": (0, 0, "dump"),
}


def parse_options(argv):
    options = {"verbose": 0, "script": None, "fail_fast": False}
    positional = []
    args = iter(argv)
    for arg in args:
        if arg in ("-v", "--verbose"):
            options["verbose"] += 1
        elif arg == "--fail-fast":
            options["fail_fast"] = True
        elif arg.startswith("--script="):
            options["script"] = arg.split("=", 1)[1]
        elif arg == "--script":
            try:
                options["script"] = next(args)
            except StopIteration:
                raise UsageError("--script needs a value") from None
        elif arg.startswith("-"):
            raise UsageError(f"unknown option {arg}")
        else:
            positional.append(arg)
    return options, positional


def execute(store, line):
    words = shlex.split(line)
    if not words:
        return None
    name, *args = words
    if name not in COMMANDS:
        raise UsageError(f"unknown command {name!r}")
    lo, hi, usage = COMMANDS[name]
    if not lo <= len(args) <= hi:
        raise UsageError(f"usage: {usage}")
    if name == "dump":
        return ", ".join(f"{k}={v}" for k, v in sorted(store.data.items())) or "(empty)"
    method = {"del": store.delete}.get(name) or getattr(store, name)
    return method(*args)


SCRIPT = """
set name "Ada Lovelace"
set count 10
incr count
incr count 5
get name
get missing
incr name
set "two words" 'quoted value'
dump
del count
undo
undo
undo
undo
undo
bogus command
set onlykey
incr count x
dump
"""


def main(argv):
    print("argv:", [a.rsplit("/", 1)[-1] for a in argv[:1]] + argv[1:])
    options, positional = parse_options(argv[1:] + ["-v", "--script", "builtin"])
    print("options:", options, "positional:", positional)
    store = Store()
    failures = 0
    for number, line in enumerate(SCRIPT.strip().splitlines(), 1):
        try:
            result = execute(store, line)
        except KeyError as exc:
            failures += 1
            print(f"{number:>2} {line!r}: no such key {exc}", file=sys.stderr)
        except UsageError as exc:
            failures += 1
            print(f"{number:>2} {line!r}: {exc} (status {exc.status})", file=sys.stderr)
            if options["fail_fast"]:
                return exc.status
        else:
            if options["verbose"]:
                print(f"{number:>2} {line:<28} -> {result}")
    print(f"{failures} failures, final store: {store.data}")
    try:
        parse_options(["--script"])
    except UsageError as exc:
        print("usage error:", exc)
    try:
        parse_options(["--colour"])
    except UsageError as exc:
        print("usage error:", exc)
    sys.stdout.flush()
    return 4 if failures > 5 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
