import random
from collections import defaultdict

class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []

    def open(self, name, amount=0):
        if name in self.accounts:
            raise KeyError(f"{name} exists")
        self.accounts[name] = amount
        self.log.append(("open", name, amount))

    def transfer(self, src, dst, amount):
        if self.accounts[src] < amount:
            raise ValueError("insufficient funds")
        self.accounts[src] -= amount
        self.accounts[dst] += amount
        self.log.append(("transfer", src, dst, amount))

    def __iter__(self):
        yield from sorted(self.accounts.items())

bank = Bank()
rng = random.Random(42)
for name in ["ann", "bob", "cy"]:
    bank.open(name, 100)
failures = defaultdict(int)
for step in range(50):
    src, dst = rng.sample(["ann", "bob", "cy"], 2)
    amount = rng.randint(1, 80)
    try:
        bank.transfer(src, dst, amount)
    except ValueError as e:
        failures[str(e)] += 1
print(list(bank), sum(v for _, v in bank), dict(failures))
print(len(bank.log), bank.log[:2])
try:
    bank.open("ann")
except KeyError as e:
    print("KeyError", e)
