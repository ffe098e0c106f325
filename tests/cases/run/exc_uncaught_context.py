def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError("could not parse " + repr(text))

values = ["1", "2", "x"]
print([parse(v) for v in values[:2]])
parse(values[2])
