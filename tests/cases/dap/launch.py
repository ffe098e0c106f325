import os
import sys

print("argv", sys.argv[1:])
print("env", os.environ.get("BYTELENS_DAP_TEST"))
print("cwd", os.path.basename(os.getcwd()))
print("to stderr", file=sys.stderr)
sys.exit(3)
