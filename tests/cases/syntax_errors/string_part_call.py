print('hello' world 'x')
