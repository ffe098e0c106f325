t'{a!r:{b}'
