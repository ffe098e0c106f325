"""A data-cleaning pipeline over CSV-like text: stages as classes, a registry, handled errors
along the way, and at the end an uncaught error deep in the call chain whose traceback (with
its position markers) must match CPython's exactly."""
import csv
import io
import statistics
from collections import defaultdict

RAW = """id,name,dept,salary,start
1,Ann,eng,120000,2019-03-01
2,Bob,ops,85000,2020-07-15
3,Cy,eng,,2021-01-10
4,Dee,sales,70000,2018-11-30
5,Eve,eng,135000,2017-05-22
6,Fay,ops,91000,not-a-date
7,Gus,sales,64000,2022-02-02
"""


class StageError(Exception):
    def __init__(self, stage, row, reason):
        super().__init__(f"[{stage}] row {row.get('id', '?')}: {reason}")
        self.stage = stage
        self.row = row


class Stage:
    registry = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Stage.registry[cls.__name__.lower()] = cls

    def __init__(self, strict=False):
        self.strict = strict
        self.rejected = []

    def __call__(self, rows):
        for row in rows:
            try:
                result = self.process(row)
            except StageError as exc:
                if self.strict:
                    raise
                self.rejected.append(str(exc))
                continue
            if result is not None:
                yield result

    def process(self, row):
        raise NotImplementedError


class Parse(Stage):
    def process(self, row):
        out = dict(row)
        out["id"] = int(row["id"])
        if not row["salary"]:
            raise StageError("parse", row, "missing salary")
        out["salary"] = int(row["salary"])
        return out


class Dates(Stage):
    def process(self, row):
        parts = row["start"].split("-")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            raise StageError("dates", row, f"bad date {row['start']!r}")
        year, month, day = map(int, parts)
        return {**row, "year": year, "month": month, "day": day}


class Tenure(Stage):
    def __init__(self, now_year, strict=False):
        super().__init__(strict)
        self.now_year = now_year

    def process(self, row):
        return {**row, "tenure": self.now_year - row["year"]}


class Bonus(Stage):
    RATES = {"eng": 0.10, "ops": 0.07}

    def process(self, row):
        rate = self.RATES[row["dept"]]
        return {**row, "bonus": round(row["salary"] * rate)}


def build(names, **options):
    stages = []
    for name in names:
        cls = Stage.registry[name]
        kwargs = options.get(name, {})
        stages.append(cls(**kwargs))
    return stages


def run(stages, rows):
    for stage in stages:
        rows = stage(rows)
    return list(rows)


def summarize(rows):
    by_dept = defaultdict(list)
    for row in rows:
        by_dept[row["dept"]].append(row)
    for dept in sorted(by_dept):
        salaries = [r["salary"] for r in by_dept[dept]]
        print(f"  {dept:<6} n={len(salaries)} mean={statistics.mean(salaries):.1f} "
              f"median={statistics.median(salaries)} max={max(salaries)}")


def load():
    return list(csv.DictReader(io.StringIO(RAW)))


rows = load()
print(len(rows), rows[0])
print(sorted(Stage.registry))
stages = build(["parse", "dates", "tenure"], tenure={"now_year": 2025})
clean = run(stages, rows)
for row in clean:
    print(f"  {row['id']} {row['name']:<4} {row['dept']:<6} {row['salary']:>7} tenure={row['tenure']}")
for stage in stages:
    print(type(stage).__name__, stage.rejected)
summarize(clean)

try:
    run(build(["parse"], parse={"strict": True}), rows)
except StageError as exc:
    print("strict parse:", exc, exc.stage)

partial = run(build(["parse", "dates"]), rows)
print(len(partial), [r["id"] for r in partial])


def report_bonuses(rows):
    total = 0
    for row in rows:
        total += row["bonus"]
    return total


def payroll(rows):
    engineers = [r for r in rows if r["dept"] == "eng"]
    eng_bonus = report_bonuses(run([Bonus()], engineers))
    print("engineering bonus pool:", eng_bonus)
    everyone = run([Bonus()], rows)
    return report_bonuses(everyone)


def main():
    data = run(build(["parse", "dates", "tenure"], tenure={"now_year": 2025}), load())
    print("payroll for", len(data), "people")
    return payroll(data)


if __name__ == "__main__":
    print("total bonus:", main())
