t'{a!r b}'
