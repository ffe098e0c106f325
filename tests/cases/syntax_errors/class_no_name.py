lambda: (yield)
class
