import json
from dataclasses import dataclass, asdict

@dataclass
class Order:
    id: int
    items: list
    paid: bool = False

class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

orders = [Order(1, ["a", "b"]), Order(2, [], True)]
text = json.dumps([asdict(o) for o in orders], indent=2)
print(text)
back = [Order(**d) for d in json.loads(text)]
print(back == orders, json.dumps({"s": {3, 1}}, cls=Encoder))
print(json.dumps({"k": 1.5, "n": None, "t": True}, sort_keys=True, separators=(",", ":")))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError", e)
print(json.loads('[1, 2.5, "x", null, true]', parse_float=lambda s: f"float:{s}"))
