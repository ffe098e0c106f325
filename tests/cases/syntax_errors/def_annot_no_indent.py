def f(a: int) -> int:
return a
