"""A SyntaxWarning from the parser still goes to stderr."""
pattern = "\d+"


def f():
    return pattern
