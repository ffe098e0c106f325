x = "\N{nope}"
