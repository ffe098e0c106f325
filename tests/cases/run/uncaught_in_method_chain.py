class Query:
    def __init__(self, rows): self.rows = rows
    def where(self, pred): return Query([r for r in self.rows if pred(r)])
    def select(self, key): return [r[key] for r in self.rows]
q = Query([{"a": 1, "b": 2}, {"a": 3}])
print(q.where(lambda r: r["a"] > 0).select("a"))
print(q.where(lambda r: r["a"] > 0).select("b"))
