if x:
    \
        a
    b
