f'a' t'b'
