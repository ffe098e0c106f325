from collections import OrderedDict

from . import pricing
from .models import Product


class CartError(Exception):
    pass


class Cart:
    def __init__(self, customer, catalog):
        self.customer = customer
        self.catalog = catalog
        self.lines = OrderedDict()

    def add(self, code, quantity=1):
        try:
            product = self.catalog[code]
        except KeyError:
            raise CartError(f"no product {code!r}") from None
        if quantity <= 0:
            raise CartError(f"bad quantity {quantity}")
        self.lines[product] = self.lines.get(product, 0) + quantity
        return self

    def remove(self, code):
        for product in list(self.lines):
            if product.code == code:
                del self.lines[product]
                return
        raise CartError(f"{code!r} not in cart")

    def checkout(self):
        if not self.lines:
            raise CartError("empty cart")
        return pricing.apply_all(list(self.lines.items()), self.customer)

    def __len__(self):
        return sum(self.lines.values())

    def __iter__(self):
        return iter(self.lines.items())
