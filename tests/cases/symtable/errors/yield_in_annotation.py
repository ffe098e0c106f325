x: (yield)
