"""Run inside the oracle: `syntax_error.py FILE` prints, as JSON, the error compile() raises for FILE.

{"type": "SyntaxError", "msg": ..., "lineno": ..., "offset": ..., "end_lineno": ..., "end_offset": ...}
or {"type": null} when the file compiles.
"""
import json
import sys

with open(sys.argv[1], "rb") as f:
    source = f.read()
try:
    compile(source, sys.argv[1], "exec", dont_inherit=True)
except SyntaxError as exc:
    print(json.dumps({"type": type(exc).__name__, "msg": exc.msg, "lineno": exc.lineno, "offset": exc.offset,
                      "end_lineno": exc.end_lineno, "end_offset": exc.end_offset}))
else:
    print(json.dumps({"type": None}))
