class A[T]:
x = 1
