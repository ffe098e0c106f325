t'{a;b}'
