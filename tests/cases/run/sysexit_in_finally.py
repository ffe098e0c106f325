import sys
def main():
    try:
        print("working")
        sys.exit(2)
    finally:
        print("cleanup runs before exit")
try:
    main()
except SystemExit as e:
    print("intercepted", e.code)
    raise SystemExit(e.code + 10)
