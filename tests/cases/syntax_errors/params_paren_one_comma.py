def f((a,)): pass
