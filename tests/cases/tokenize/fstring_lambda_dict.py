x = f'{ {1: 2}[1] } {lambda: 1}'
