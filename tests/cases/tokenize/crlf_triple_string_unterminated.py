x = '''abc
def
