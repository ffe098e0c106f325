([a, b]): int
