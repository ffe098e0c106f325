"""A batch validator reporting every problem at once with exception groups, except*, notes,
nested groups, split/subgroup/derive, and a final uncaught group."""


class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


class MissingField(ValidationError):
    pass


class BadType(ValidationError):
    pass


class RangeError(ValidationError):
    pass


class Report(ExceptionGroup):
    def derive(self, excs):
        derived = Report(self.message, excs)
        derived.source = getattr(self, "source", None)
        return derived


SCHEMA = {"name": str, "age": int, "email": str, "score": int}


def validate(record):
    errors = []
    for field, kind in SCHEMA.items():
        if field not in record:
            errors.append(MissingField(field, "missing"))
            continue
        value = record[field]
        if not isinstance(value, kind):
            err = BadType(field, f"expected {kind.__name__}, got {type(value).__name__}")
            err.add_note(f"value was {value!r}")
            errors.append(err)
        elif kind is int and not 0 <= value <= 150:
            errors.append(RangeError(field, f"{value} out of range"))
    if errors:
        raise ExceptionGroup(f"record {record.get('name', '?')!r} invalid", errors)
    return record


def validate_all(records):
    groups = []
    good = []
    for rec in records:
        try:
            good.append(validate(rec))
        except ExceptionGroup as eg:
            groups.append(eg)
    if groups:
        report = Report("batch invalid", groups)
        report.source = "batch-1"
        raise report
    return good


RECORDS = [
    {"name": "ann", "age": 31, "email": "a@x", "score": 88},
    {"name": "bob", "age": "old", "score": 200},
    {"name": "cy", "age": 151, "email": 5, "score": 3},
    {"age": 2, "email": "e", "score": 1},
]


def summarize(group, depth=0):
    print("  " * depth + f"{type(group).__name__}: {group.message} [{len(group.exceptions)}]")
    for exc in group.exceptions:
        if isinstance(exc, BaseExceptionGroup):
            summarize(exc, depth + 1)
        else:
            notes = getattr(exc, "__notes__", [])
            print("  " * (depth + 1) + f"{type(exc).__name__}: {exc} {notes}")


try:
    validate_all(RECORDS)
except Report as report:
    summarize(report)
    missing, rest = report.split(MissingField)
    print("split:", type(missing).__name__, len(missing.exceptions), type(rest).__name__, rest.source)
    ranges = report.subgroup(lambda e: isinstance(e, RangeError) or isinstance(e, ExceptionGroup) and "cy" in e.message)
    summarize(ranges)
    print(report.subgroup(KeyError))

handled = []
try:
    try:
        validate_all(RECORDS[1:3])
    except* MissingField as eg:
        handled.append(("missing", [str(e) for e in eg.exceptions[0].exceptions]))
    except* BadType as eg:
        handled.append(("badtype", sum(len(g.exceptions) for g in eg.exceptions)))
except* RangeError as eg:
    handled.append(("range outer", type(eg).__name__, len(eg.exceptions)))
print(handled)


def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise TypeError("one")
    return n


def collect(values):
    errors = []
    for v in values:
        try:
            risky(v)
        except Exception as exc:
            exc.add_note(f"while processing {v}")
            errors.append(exc)
    if errors:
        raise ExceptionGroup("collect", errors)


try:
    collect([0, 1, 2, 0])
except* ValueError as eg:
    print("values:", [e.__notes__ for e in eg.exceptions])
except* TypeError as eg:
    print("types:", len(eg.exceptions))

try:
    try:
        collect([0])
    except* ValueError:
        raise RuntimeError("re-raised from handler")
except RuntimeError as exc:
    print(type(exc.__context__).__name__, exc.__context__.message)

try:
    raise ExceptionGroup("plain", [KeyError("k")])
except* KeyError:
    print("bare KeyError handled, nothing left")

print("now failing for real")
try:
    collect([1, 0])
except* TypeError:
    print("handled the TypeError part")
