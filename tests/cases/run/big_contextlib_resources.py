"""Resource management with contextlib: a connection pool, nested transactions with savepoints,
ExitStack unwinding in reverse order, suppress/redirect_stdout/closing/nullcontext, generator-based
context managers that swallow or translate errors, and reentrant locks of a toy kind."""
import contextlib
import io
from collections import deque


class PoolExhausted(RuntimeError):
    pass


class Connection:
    def __init__(self, ident, log):
        self.ident = ident
        self.log = log
        self.closed = False
        self.statements = []

    def execute(self, sql):
        if self.closed:
            raise RuntimeError(f"connection {self.ident} is closed")
        if "FAIL" in sql:
            raise ValueError(f"bad statement {sql!r}")
        self.statements.append(sql)
        self.log.append(f"c{self.ident}: {sql}")

    def close(self):
        self.closed = True
        self.log.append(f"c{self.ident}: closed")


class Pool:
    def __init__(self, size):
        self.log = []
        self.free = deque(Connection(i, self.log) for i in range(size))
        self.in_use = set()

    @contextlib.contextmanager
    def connection(self):
        if not self.free:
            raise PoolExhausted("no free connection")
        conn = self.free.popleft()
        self.in_use.add(conn.ident)
        self.log.append(f"acquire c{conn.ident}")
        try:
            yield conn
        finally:
            self.in_use.discard(conn.ident)
            self.free.append(conn)
            self.log.append(f"release c{conn.ident}")

    @contextlib.contextmanager
    def transaction(self, conn, name="tx"):
        conn.execute(f"BEGIN {name}")
        try:
            yield conn
        except ValueError as exc:
            conn.execute(f"ROLLBACK {name}")
            raise RuntimeError(f"{name} rolled back") from exc
        else:
            conn.execute(f"COMMIT {name}")


pool = Pool(2)
with pool.connection() as conn, pool.transaction(conn) as tx:
    tx.execute("INSERT 1")
    tx.execute("INSERT 2")
try:
    with pool.connection() as conn:
        with pool.transaction(conn, "outer"):
            conn.execute("UPDATE a")
            with pool.transaction(conn, "inner"):
                conn.execute("FAIL here")
except RuntimeError as exc:
    print("RuntimeError:", exc, "| cause:", exc.__cause__, "| context:", type(exc.__context__).__name__)
try:
    with pool.connection(), pool.connection(), pool.connection():
        pass
except PoolExhausted as exc:
    print("PoolExhausted:", exc, sorted(pool.in_use))
print("\n".join(pool.log))

order = []


class Tracked:
    def __init__(self, name, fail_on_exit=False):
        self.name = name
        self.fail_on_exit = fail_on_exit

    def __enter__(self):
        order.append(f"enter {self.name}")
        return self

    def __exit__(self, *exc):
        order.append(f"exit {self.name} {exc[0].__name__ if exc[0] else None}")
        if self.fail_on_exit:
            raise KeyError(self.name)
        return False


with contextlib.ExitStack() as stack:
    resources = [stack.enter_context(Tracked(n)) for n in "abc"]
    stack.callback(order.append, "callback 1")

    @stack.push
    def handler(exc_type, exc, tb):
        order.append(f"pushed handler saw {exc_type.__name__ if exc_type else None}")
        return exc_type is ZeroDivisionError

    1 / 0
print(order)
order.clear()
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(Tracked("x"))
        stack.enter_context(Tracked("y", fail_on_exit=True))
        stack.enter_context(Tracked("z"))
        raise ValueError("body")
except KeyError as exc:
    print("KeyError", exc, "context:", repr(exc.__context__))
print(order)

with contextlib.ExitStack() as outer:
    outer.callback(print, "outer callback")
    moved = outer.pop_all()
print("after with (callbacks moved)")
moved.close()

with contextlib.suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("suppressed")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line")
    help_text = "not printed"
print(repr(buf.getvalue()))


class Resource:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


r = Resource()
with contextlib.closing(r) as same:
    print(same is r, r.closed)
print(r.closed)
with contextlib.nullcontext(42) as value:
    print("nullcontext", value)


@contextlib.contextmanager
def translate(*mapping):
    try:
        yield
    except tuple(src for src, _ in mapping) as exc:
        for src, dst in mapping:
            if isinstance(exc, src):
                raise dst(str(exc)) from None


for exc in (KeyError("k"), IndexError("i"), TypeError("t")):
    try:
        with translate((KeyError, LookupError), (IndexError, ValueError)):
            raise exc
    except Exception as got:
        print(type(exc).__name__, "->", type(got).__name__, got, got.__suppress_context__)


@contextlib.contextmanager
def counting():
    counting.depth = getattr(counting, "depth", 0) + 1
    try:
        yield counting.depth
    finally:
        counting.depth -= 1


with counting() as a, counting() as b:
    with counting() as c:
        print("depths", a, b, c)
print("depth after", counting.depth)


class Timer(contextlib.ContextDecorator):
    def __enter__(self):
        print("  start")
        return self

    def __exit__(self, *exc):
        print("  stop", exc[0].__name__ if exc[0] else "ok")
        return False


@Timer()
def work(n):
    return sum(range(n))


print(work(10))
cm = counting()
with cm:
    pass
try:
    with cm:
        pass
except (RuntimeError, AttributeError) as exc:
    print(type(exc).__name__, exc)
