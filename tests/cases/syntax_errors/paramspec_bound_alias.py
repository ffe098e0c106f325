type A[**P: int] = int
