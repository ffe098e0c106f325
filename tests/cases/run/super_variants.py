class A:
    def greet(self):
        return "A"
    @classmethod
    def create(cls):
        return f"A.create({cls.__name__})"
    @staticmethod
    def util():
        return "A.util"

class B(A):
    def greet(self):
        def inner():
            return "inner"
        return "B>" + super().greet() + inner()
    @classmethod
    def create(cls):
        return "B>" + super().create()
    @staticmethod
    def util():
        return "B.util"
    def lazy(self):
        return (lambda: super(B, self).greet())()

b = B()
print(b.greet(), B.create(), B.util(), b.lazy())
class C(B):
    def greet(self):
        return "C>" + super().greet()
print(C().greet(), C.create(), super(C, C()).greet())
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError", e)
class D(A):
    def greet(self):
        s = super()
        return s.greet() + "!"
print(D().greet())
