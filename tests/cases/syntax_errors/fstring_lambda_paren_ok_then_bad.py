f'{(lambda: 1)()} {lambda: 2}'
