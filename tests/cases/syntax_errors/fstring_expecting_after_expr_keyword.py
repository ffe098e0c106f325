f'{a as b}'
