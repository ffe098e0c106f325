type A = *B
