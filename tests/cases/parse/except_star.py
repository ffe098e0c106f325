try:
    pass
except* (ValueError, TypeError) as eg:
    raise
except* OSError:
    pass
else:
    pass
finally:
    pass
try:
    pass
except ValueError, TypeError:
    pass
except (A, B) as e:
    pass
except:
    pass
try:
    pass
except* A, B:
    pass
