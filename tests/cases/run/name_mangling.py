class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
    def owner(self):
        return self.__owner
    @classmethod
    def count(cls):
        return cls.__count

a = Account("ann")
b = Account("ben")
print(a.owner(), Account.count(), a._Account__owner, sorted(k for k in vars(a)))
try:
    a.__owner
except AttributeError as e:
    print("AttributeError")

class Sub(Account):
    def peek(self):
        return self._Account__owner
print(Sub("sue").peek(), Account.count())
