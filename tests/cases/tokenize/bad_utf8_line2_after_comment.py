# hello
x = 'þ'
