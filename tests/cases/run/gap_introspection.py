# inspect's predicates test for the host's own function and generator types, which VM functions
# and generators are not (inspect.signature and sys._getframe do work).
import inspect

def f(a, b=2, *, c):
    yield a

print(inspect.signature(f))
print(inspect.isfunction(f), inspect.isgeneratorfunction(f), inspect.isgenerator(f(1, c=2)))
