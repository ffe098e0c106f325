def withdraw(balance, amount):
    assert amount > 0, "amount must be positive"
    assert amount <= balance, f"insufficient funds: {balance} < {amount}"
    return balance - amount
b = withdraw(100, 30)
print(b)
b = withdraw(b, 80)
