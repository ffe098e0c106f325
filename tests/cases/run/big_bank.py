"""A bank simulation: accounts, transfers, an audit log, custom exceptions and rollbacks."""
from __future__ import annotations

import contextlib
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_EVEN


class BankError(Exception):
    """Base of the bank's errors."""


class InsufficientFunds(BankError):
    def __init__(self, account, needed):
        super().__init__(f"{account.owner} lacks {needed}")
        self.account = account
        self.needed = needed


class AccountFrozen(BankError):
    pass


class UnknownAccount(BankError, KeyError):
    pass


class Money:
    __slots__ = ("cents",)

    def __init__(self, amount):
        if isinstance(amount, Money):
            self.cents = amount.cents
        else:
            self.cents = int((Decimal(str(amount)) * 100).quantize(Decimal(1), ROUND_HALF_EVEN))

    @classmethod
    def from_cents(cls, cents):
        m = cls(0)
        m.cents = cents
        return m

    def __add__(self, other):
        return Money.from_cents(self.cents + Money(other).cents)

    __radd__ = __add__

    def __sub__(self, other):
        return Money.from_cents(self.cents - Money(other).cents)

    def __mul__(self, factor):
        return Money.from_cents(int((Decimal(self.cents) * Decimal(str(factor))).quantize(Decimal(1), ROUND_HALF_EVEN)))

    def __lt__(self, other):
        return self.cents < Money(other).cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)

    def __repr__(self):
        sign = "-" if self.cents < 0 else ""
        whole, frac = divmod(abs(self.cents), 100)
        return f"{sign}${whole:,}.{frac:02d}"


class Account:
    _next_id = 1000

    def __init__(self, owner, balance=0, *, overdraft=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = Money(balance)
        self.overdraft = Money(overdraft)
        self.frozen = False
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        self._check()
        if Money(amount) < 0:
            raise ValueError("negative deposit")
        self._balance = self._balance + amount
        self.history.append(("dep", Money(amount)))

    def withdraw(self, amount):
        self._check()
        amount = Money(amount)
        if self._balance + self.overdraft < amount:
            raise InsufficientFunds(self, amount - self._balance)
        self._balance = self._balance - amount
        self.history.append(("wd", amount))

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")

    def __repr__(self):
        return f"<{type(self).__name__} {self.id} {self.owner} {self.balance}>"


class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate="0.02"):
        super().__init__(owner, balance)
        self.rate = Decimal(rate)

    def add_interest(self):
        interest = self.balance * self.rate
        self.deposit(interest)
        return interest


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.log = []

    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.id] = acct
        self.log.append(f"open {acct.id}")
        return acct

    def __getitem__(self, acct_id):
        try:
            return self.accounts[acct_id]
        except KeyError:
            raise UnknownAccount(acct_id) from None

    @contextlib.contextmanager
    def transaction(self, *ids):
        snapshot = {i: (self[i]._balance, len(self[i].history)) for i in ids}
        try:
            yield
        except BankError as exc:
            for i, (bal, n) in snapshot.items():
                self[i]._balance = bal
                del self[i].history[n:]
            self.log.append(f"rollback {type(exc).__name__}")
            raise
        else:
            self.log.append("commit " + ",".join(map(str, ids)))

    def transfer(self, src, dst, amount):
        with self.transaction(src, dst):
            self[dst].deposit(amount)
            self[src].withdraw(amount)

    def total(self):
        return sum((a.balance for a in self.accounts.values()), Money(0))

    def report(self):
        by_type = defaultdict(list)
        for acct in self.accounts.values():
            by_type[type(acct).__name__].append(acct)
        for kind in sorted(by_type):
            print(kind)
            for acct in sorted(by_type[kind], key=lambda a: a.balance.cents, reverse=True):
                print("  ", acct, len(acct.history))


bank = Bank("Toy Bank")
alice = bank.open(Account, "alice", 120.50)
bob = bank.open(Account, "bob", 30, overdraft=25)
carol = bank.open(SavingsAccount, "carol", 1000)
print(alice, bob, carol)

bank.transfer(alice.id, bob.id, 20.25)
bank.transfer(bob.id, carol.id, 70)
print(bob.balance, carol.balance)

for src, dst, amount in [(bob.id, alice.id, 100), (alice.id, 4242, 5), (alice.id, bob.id, "0.005")]:
    try:
        bank.transfer(src, dst, amount)
    except InsufficientFunds as exc:
        print("insufficient:", exc, exc.needed)
    except UnknownAccount as exc:
        print("unknown:", exc, isinstance(exc, KeyError))

print(carol.add_interest(), carol.balance)
bob.frozen = True
try:
    bank.transfer(alice.id, bob.id, 1)
except BankError as exc:
    print(type(exc).__name__, exc)
    print(alice.balance, alice.history[-1:])

try:
    alice.deposit(-3)
except ValueError as exc:
    print("ValueError", exc)

print(bank.total(), Money("19.999"), Money(-5.5) * 3)
bank.report()
print(bank.log)
print({Money(1), Money("1.00"), Money(2)} == {Money(2), Money(1)})
