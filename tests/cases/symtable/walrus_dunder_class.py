class C:
    def f(self):
        [__class__ := 1 for _ in ()]
