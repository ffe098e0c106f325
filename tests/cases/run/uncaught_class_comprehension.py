class Config:
    base = 10
    names = ["a", "b"]
    scaled = [base * i for i in range(3)]
    table = {n: [base for _ in range(2)] for n in names}
