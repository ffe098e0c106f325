x = f'{v:{w}.{p}f} {d:%Y-%m-%d}'
