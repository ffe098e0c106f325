def task(n):
    if n == 1:
        raise ValueError("bad value")
    err = TypeError(f"bad type {n}")
    err.add_note(f"task {n} failed")
    raise err

def run_all():
    errors = []
    for n in range(3):
        try:
            task(n)
        except Exception as e:
            errors.append(e)
    inner = ExceptionGroup("inner group", errors[1:])
    raise ExceptionGroup("all tasks", [errors[0], inner])

try:
    run_all()
except* ValueError as eg:
    print("values:", eg.exceptions)
