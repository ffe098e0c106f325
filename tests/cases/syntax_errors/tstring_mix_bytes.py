b'a' t'b'
