def f():
    globl x
