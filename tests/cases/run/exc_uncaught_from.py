import json

def read_config(text):
    try:
        return json.loads(text)["port"]
    except KeyError as exc:
        raise LookupError("config has no port") from exc

print(read_config('{"port": 80}'))
read_config('{"host": "x"}')
