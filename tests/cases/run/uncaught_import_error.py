import json
print(json.dumps({"ok": True}))
from sys import argv, not_there
