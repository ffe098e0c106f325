a: int = *b
