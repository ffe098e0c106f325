import traceback
import sys

def inner():
    return {}["missing"]

def outer():
    return inner()

try:
    outer()
except KeyError:
    traceback.print_exc()
    text = traceback.format_exc()
    print("format_exc lines:", len(text.splitlines()))
    print(sys.exception().__class__.__name__)

try:
    int("x")
except ValueError as e:
    lines = traceback.format_exception(e)
    print("".join(lines), end="")
    traceback.print_exception(type(e), e, e.__traceback__, file=sys.stdout)
print(sys.exc_info())
import logging
logging.basicConfig(format="%(levelname)s:%(message)s")
try:
    outer()
except KeyError:
    logging.exception("failed")
