def f(**k: int = 1): pass
