if x:
    a
  b
