import sys
for code in (0, 3, "msg", None, (1, 2)):
    try:
        sys.exit(code)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    raise SystemExit(4)
except SystemExit as e:
    print("caught", e.code)
try:
    exit(6)
except SystemExit as e:
    print("builtin exit", e.code)
print("exiting with 7")
sys.stdout.flush()
raise SystemExit(7)
