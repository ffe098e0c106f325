try:
    pass
except E:
    pass
except* F as e:
    pass
