def f():
    rasie E
