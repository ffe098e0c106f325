f'{a!r:{b}'
