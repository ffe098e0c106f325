def build(a, b, c, d, e):
    return a + b + c + d + e

x = build(
    1,
    2,
    3,
    4,
    "five",
)
