x = f'\{x\} \N{BULLET} \n {y}'
