class ConfigError(Exception):
    pass

def load(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ConfigError(f"missing {key}") from e

def main():
    try:
        load({}, "port")
    except ConfigError as e:
        print("caught", e, type(e.__cause__).__name__)
    try:
        {}["x"]
    except KeyError:
        int("abc")

main()
