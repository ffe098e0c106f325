def f():
    try:
        g()
    except* ValueError as eg:
        h(eg)
    except* (TypeError, KeyError):
        pass
    finally:
        k()
