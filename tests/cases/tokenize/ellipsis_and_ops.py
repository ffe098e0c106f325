x = ... ; y **= 2 ; z //= 3 ; a @= b ; c -> d ; e := f ; g <> h ; i != j
