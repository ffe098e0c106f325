"""A miniature ORM: column descriptors with __set_name__, a model metaclass collecting fields,
__init_subclass__ hooks, an in-memory table with queries built from operator overloading,
relationships, validation errors and __slots__-based records."""
import itertools
import operator


class ValidationError(ValueError):
    pass


class Condition:
    def __init__(self, column, op, value, symbol):
        self.column, self.op, self.value, self.symbol = column, op, value, symbol

    def __call__(self, row):
        return self.op(getattr(row, self.column.name), self.value)

    def __and__(self, other):
        return Combined(self, other, all, "AND")

    def __or__(self, other):
        return Combined(self, other, any, "OR")

    def __repr__(self):
        return f"{self.column.name} {self.symbol} {self.value!r}"


class Combined(Condition):
    def __init__(self, left, right, how, word):
        self.left, self.right, self.how, self.word = left, right, how, word

    def __call__(self, row):
        return self.how(c(row) for c in (self.left, self.right))

    def __repr__(self):
        return f"({self.left!r} {self.word} {self.right!r})"


class Column:
    kind = object

    def __init__(self, *, default=None, nullable=False):
        self.default = default
        self.nullable = nullable

    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)

    def __set__(self, obj, value):
        if value is None and not self.nullable:
            raise ValidationError(f"{self.owner}.{self.name} cannot be null")
        if value is not None and not isinstance(value, self.kind):
            raise ValidationError(f"{self.owner}.{self.name} expects {self.kind.__name__}, got {value!r}")
        self.validate(value)
        obj.__dict__[self.name] = value

    def validate(self, value):
        pass

    def _cond(op, symbol):
        def method(self, value):
            return Condition(self, op, value, symbol)
        return method

    __eq__ = _cond(operator.eq, "=")
    __ne__ = _cond(operator.ne, "!=")
    __lt__ = _cond(operator.lt, "<")
    __gt__ = _cond(operator.gt, ">")
    __le__ = _cond(operator.le, "<=")
    __hash__ = object.__hash__
    del _cond

    def __repr__(self):
        return f"<{type(self).__name__} {self.owner}.{self.name}>"


class Integer(Column):
    kind = int

    def __init__(self, *, min=None, **kw):
        super().__init__(**kw)
        self.min = min

    def validate(self, value):
        if self.min is not None and value is not None and value < self.min:
            raise ValidationError(f"{self.name}={value} below minimum {self.min}")


class Text(Column):
    kind = str

    def __init__(self, *, max_length=50, **kw):
        super().__init__(**kw)
        self.max_length = max_length

    def validate(self, value):
        if value is not None and len(value) > self.max_length:
            raise ValidationError(f"{self.name} longer than {self.max_length}")


class ModelMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls._columns = [v for v in ns.values() if isinstance(v, Column)]
        for base in bases:
            cls._columns = getattr(base, "_columns", []) + cls._columns
        return cls

    def __len__(cls):
        return len(cls._rows) if hasattr(cls, "_rows") else 0


class Model(metaclass=ModelMeta):
    _ids = itertools.count(1)

    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        cls._table = table or cls.__name__.lower() + "s"
        cls._rows = []

    def __init__(self, **values):
        self.id = next(Model._ids)
        for col in self._columns:
            setattr(self, col.name, values.pop(col.name, col.default))
        if values:
            raise TypeError(f"{type(self).__name__} has no column(s) {', '.join(sorted(values))}")

    def save(self):
        if self not in self._rows:
            self._rows.append(self)
        return self

    @classmethod
    def where(cls, condition=None, order_by=None):
        rows = [r for r in cls._rows if condition is None or condition(r)]
        if order_by is not None:
            rows.sort(key=lambda r: getattr(r, order_by.name))
        return rows

    def __repr__(self):
        inner = ", ".join(f"{c.name}={getattr(self, c.name)!r}" for c in self._columns)
        return f"{type(self).__name__}#{self.id}({inner})"


class Author(Model):
    name = Text(max_length=20)
    born = Integer(min=1000, nullable=True)


class Book(Model, table="library"):
    title = Text(max_length=40)
    year = Integer(min=1400)
    author_id = Integer()
    pages = Integer(default=100, min=1)

    @property
    def author(self):
        return next(a for a in Author._rows if a.id == self.author_id)


le_guin = Author(name="Le Guin", born=1929).save()
herbert = Author(name="Herbert", born=1920).save()
anon = Author(name="Anonymous", born=None).save()
for title, year, author, pages in [("Dune", 1965, herbert, 412), ("The Dispossessed", 1974, le_guin, 387),
                                   ("A Wizard of Earthsea", 1968, le_guin, 183),
                                   ("Beowulf", 1815, anon, 90), ("Children of Dune", 1976, herbert, 444)]:
    Book(title=title, year=year, author_id=author.id, pages=pages).save()

print(Book._table, Author._table, len(Book), len(Author), [c.name for c in Book._columns])
cond = (Book.year > 1966) & (Book.pages > 300)
print(cond, [b.title for b in Book.where(cond, order_by=Book.year)])
cond2 = (Book.author_id == le_guin.id) | (Book.year < 1900)
print(cond2, [b.title for b in Book.where(cond2, order_by=Book.title)])
print([f"{b.title} by {b.author.name}" for b in Book.where(Book.pages <= 200)])
print(Book.where(Book.title != "Dune", order_by=Book.pages)[0])
print(Book.title, Book.year.min, Author.born.nullable, Book.pages.default)

for attempt in [lambda: Book(title="X" * 50, year=2000, author_id=1),
                lambda: Book(title="Old", year=1200, author_id=1),
                lambda: Book(title=None, year=2000, author_id=1),
                lambda: Author(name=5),
                lambda: Author(name="Z", colour="red"),
                lambda: setattr(le_guin, "born", "1929")]:
    try:
        attempt()
    except (ValidationError, TypeError) as exc:
        print(type(exc).__name__, exc)

by_author = {}
for book in Book.where(order_by=Book.year):
    by_author.setdefault(book.author.name, []).append(book.year)
print(by_author)
print(sum(b.pages for b in Book.where()), max(Book.where(), key=lambda b: b.pages).title)
print(isinstance(Book, ModelMeta), type(Book.year).__mro__[1].__name__, Book.year == 3)
