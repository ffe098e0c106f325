def g():
    éé = 1; nonlocal éé
