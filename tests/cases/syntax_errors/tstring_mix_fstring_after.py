t'a' f'b'
