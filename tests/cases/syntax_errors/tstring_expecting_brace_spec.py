t'{a:{b c}}'
