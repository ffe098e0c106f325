class A(B, metaclass=M):
    """Doc."""
    x = 1
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.y = [z for z in a if z]
        self.__private = __class__
    @property
    def p(self):
        return super(A, self).p
    def __method(self):
        return self.__private
