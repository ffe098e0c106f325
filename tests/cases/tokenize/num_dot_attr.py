x = 1.__class__
y = 1..real
