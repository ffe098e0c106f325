type X[T] int
