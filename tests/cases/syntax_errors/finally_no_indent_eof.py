try:
    pass
finally:
