class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = self.validate(balance)

    def validate(self, amount):
        if amount < 0:
            raise ValueError(f"negative balance for {self.owner}: {amount}")
        return amount

ok = Account("ann", 10)
print(ok.balance)
bad = Account("bob", -5)
