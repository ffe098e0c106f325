a, *b: int
