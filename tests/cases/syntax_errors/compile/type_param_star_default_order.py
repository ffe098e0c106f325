class A[*Ts=int, U]: pass
