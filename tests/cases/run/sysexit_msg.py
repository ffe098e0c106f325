print("working")
try:
    raise SystemExit(0)
except SystemExit as e:
    print("caught exit", e.code)
raise SystemExit("fatal: bad config")
