t'a' t'b' 'c'
