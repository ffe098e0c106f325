print('x', t'a' 'b')
