class Inventory:
    def __init__(self):
        self.items = {"apple": 3, "pear": 0}
    def ratios(self, total):
        return {k: v / total for k, v in self.items.items()}
    def per_item(self):
        return [10 / v for v in self.items.values()]
inv = Inventory()
print(inv.ratios(4))
print(inv.per_item())
