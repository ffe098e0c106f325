import os.path
import os.path as osp
from collections import abc as cabc, OrderedDict
from . import sibling
from .. import *


def statements(value, *, flag=False):
    del value
    try:
        pass
    except (ValueError, TypeError) as err:
        print(err)
    else:
        done = True
    finally:
        cleanup = 1
    with open("f") as fh, open("g") as (a, b):
        pass
    for i, (j, *k) in enumerate([]):
        break
    else:
        pass
    while flag:
        continue
    assert flag, "message"
    raise ValueError from None


def star_handlers():
    try:
        pass
    except* OSError as group:
        caught = group


def templates(name, spec):
    return t"hello {name!r:{spec}}", f"{name:{spec}}"


def matching(subject):
    match subject:
        case [1, 2, *rest]:
            return rest
        case {"key": value, **others}:
            return value, others
        case Point(x=px, y=0) | Point(px, 0) as whole:
            return px, whole
        case str() | None:
            return None
        case _ if subject:
            return subject


@decorator(arg)
def decorated(a=default_a, *, b=default_b):
    return f"{a!r:>{b}} {a=}"


def yields():
    yield 1
    x = yield from range(3)
    return x


async def coroutine():
    await something()
    async with ctx() as c:
        async for item in c:
            yield item


__debug_ok = 1
