t'{a=b}'
