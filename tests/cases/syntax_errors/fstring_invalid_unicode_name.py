f'\N{NOPE}'
