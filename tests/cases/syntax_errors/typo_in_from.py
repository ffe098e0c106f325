class A:
    pass
from x imprt y
