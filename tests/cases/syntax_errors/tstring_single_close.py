t'a}b'
