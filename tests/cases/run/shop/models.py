from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    price: int  # cents
    category: str = "misc"

    def __str__(self):
        return f"{self.name} ({self.code}) {self.price / 100:.2f}"


@dataclass
class Customer:
    name: str
    tier: str = "basic"
    coupons: list = field(default_factory=list)

    @property
    def discount(self):
        return {"basic": 0, "silver": 5, "gold": 10}[self.tier]
