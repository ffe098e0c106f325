"""A small shop package used by big_shop_modules.py: models, pricing rules, a cart."""
from .models import Product, Customer
from .cart import Cart, CartError

__all__ = ["Product", "Customer", "Cart", "CartError"]
VERSION = (1, 4)
