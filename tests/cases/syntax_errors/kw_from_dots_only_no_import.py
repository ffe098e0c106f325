from . b
