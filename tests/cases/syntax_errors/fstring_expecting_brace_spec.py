f'{a:{b c}}'
