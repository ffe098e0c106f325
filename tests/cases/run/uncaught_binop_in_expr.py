prices = {"apple": 3, "pear": "4"}
def total(items):
    return sum(prices[i] for i in items)
def report():
    return "total: " + str(total(["apple"])) + " / " + str(prices["apple"] * 2 + prices["pear"])
print(total(["apple"]))
print(report())
