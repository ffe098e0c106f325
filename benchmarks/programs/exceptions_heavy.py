"""Exception-heavy code: parsing records where most failures raise and are caught, custom
exception classes, try/finally and with blocks (exception tables, unwinding, handlers)."""


class RecordError(Exception):
    def __init__(self, line, reason):
        super().__init__(f"line {line}: {reason}")
        self.line = line


class Counter:
    def __init__(self):
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, *exc):
        return False


def parse_field(text):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            raise KeyError(text) from None


def parse(line_no, record, guard):
    with guard:
        fields = record.split(",")
        if len(fields) != 3:
            raise RecordError(line_no, "wrong field count")
        try:
            return [parse_field(f) for f in fields]
        except KeyError as e:
            raise RecordError(line_no, f"bad field {e.args[0]!r}")
        finally:
            guard.entered += 0


def main(n=20000):
    records = []
    for i in range(n):
        if i % 4 == 0:
            records.append(f"{i},{i * 2},x{i}")
        elif i % 4 == 1:
            records.append(f"{i},{i / 4}")
        else:
            records.append(f"{i},{i + 1},{i * 0.5}")
    guard = Counter()
    ok = errors = 0
    last = None
    for k, rec in enumerate(records):
        try:
            parse(k, rec, guard)
            ok += 1
        except RecordError as e:
            errors += 1
            last = e
    print(ok, errors, guard.entered, last)


main()
