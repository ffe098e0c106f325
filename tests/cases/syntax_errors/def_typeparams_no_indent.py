def f[T](a: T):
return a
