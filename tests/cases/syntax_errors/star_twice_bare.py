def f(*, a, *): pass
