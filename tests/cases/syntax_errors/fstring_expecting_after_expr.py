f'{a;b}'
