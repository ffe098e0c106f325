def validate(values):
    errors = []
    for v in values:
        try:
            if v < 0:
                raise ValueError(f"negative: {v}")
            if v == 0:
                raise ZeroDivisionError("zero")
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("validation failed", errors)

try:
    validate([1, -2, 0, -5])
except* ZeroDivisionError as zeros:
    print("zeros:", len(zeros.exceptions))
    raise TypeError("cannot recover from zeros") from None
