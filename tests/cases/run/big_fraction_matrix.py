"""Exact linear algebra with fractions.Fraction: a Matrix class with operators, Gaussian
elimination, determinants, inverses, solving systems, rank, and errors for singular input."""
from fractions import Fraction
from functools import reduce
import operator


class SingularMatrix(ArithmeticError):
    pass


class Matrix:
    def __init__(self, rows):
        rows = [[Fraction(x) for x in row] for row in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        self._same_shape(other)
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __sub__(self, other):
        self._same_shape(other)
        return Matrix([[a - b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __neg__(self):
        return Matrix([[-a for a in r] for r in self.rows])

    def __mul__(self, other):
        if isinstance(other, Matrix):
            return self @ other
        return Matrix([[a * other for a in r] for r in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"cannot multiply {n}x{m} by {m2}x{p}")
        cols = list(zip(*other.rows))
        return Matrix([[sum((a * b for a, b in zip(row, col)), Fraction(0)) for col in cols] for row in self.rows])

    def __pow__(self, k):
        if k < 0:
            return self.inverse() ** -k
        result = Matrix.identity(self.shape[0])
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def _same_shape(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")

    def echelon(self):
        rows = [r[:] for r in self.rows]
        n, m = self.shape
        pivot_row = 0
        swaps = 0
        pivots = []
        for col in range(m):
            pivot = next((r for r in range(pivot_row, n) if rows[r][col] != 0), None)
            if pivot is None:
                continue
            if pivot != pivot_row:
                rows[pivot], rows[pivot_row] = rows[pivot_row], rows[pivot]
                swaps += 1
            for r in range(pivot_row + 1, n):
                factor = rows[r][col] / rows[pivot_row][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row])]
            pivots.append(col)
            pivot_row += 1
        return rows, swaps, pivots

    def rank(self):
        return len(self.echelon()[2])

    def det(self):
        n, m = self.shape
        if n != m:
            raise ValueError("determinant of a non-square matrix")
        rows, swaps, _ = self.echelon()
        diag = reduce(operator.mul, (rows[i][i] for i in range(n)), Fraction(1))
        return -diag if swaps % 2 else diag

    def inverse(self):
        n, m = self.shape
        if self.det() == 0:
            raise SingularMatrix("matrix is singular")
        aug = [row[:] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(self.rows)]
        for col in range(n):
            pivot = next(r for r in range(col, n) if aug[r][col] != 0)
            aug[col], aug[pivot] = aug[pivot], aug[col]
            pv = aug[col][col]
            aug[col] = [x / pv for x in aug[col]]
            for r in range(n):
                if r != col and aug[r][col] != 0:
                    f = aug[r][col]
                    aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
        return Matrix([row[n:] for row in aug])

    def solve(self, b):
        return self.inverse() @ Matrix([[x] for x in b])

    def __repr__(self):
        cells = [[str(x) for x in r] for r in self.rows]
        width = max(len(c) for r in cells for c in r)
        return "\n".join("[ " + " ".join(c.rjust(width) for c in r) + " ]" for r in cells)


A = Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
b = [8, -11, -3]
print(A.shape, A.det(), A.rank())
print(A.solve(b))
inv = A.inverse()
print(inv)
print(A @ inv == Matrix.identity(3), inv @ A == Matrix.identity(3))
H = Matrix([[Fraction(1, i + j + 1) for j in range(4)] for i in range(4)])
print(H.det(), H.inverse()[0, 0], H.inverse()[3, 3])
print((H @ H.inverse()) == Matrix.identity(4))
F = Matrix([[1, 1], [1, 0]])
print((F ** 30)[0, 1], (F ** -3))
print(A - A == Matrix([[0] * 3] * 3), (2 * A)[1, 1], (A * Fraction(1, 2))[0, 0], -A[0, 0])
S = Matrix([[1, 2, 3], [2, 4, 6], [1, 0, 1]])
print(S.det(), S.rank(), S.transpose().rank())
for bad in (lambda: S.inverse(), lambda: A @ Matrix([[1, 2]]), lambda: Matrix([[1], [2, 3]]),
            lambda: Matrix([[1, 2, 3]]).det(), lambda: A + Matrix([[1]])):
    try:
        bad()
    except (SingularMatrix, ValueError) as exc:
        print(type(exc).__name__, exc, isinstance(exc, ArithmeticError))
print(sum(Fraction(1, n * n) for n in range(1, 20)))
print(Fraction(355, 113) - Fraction(22, 7), Fraction("3.1415926").limit_denominator(1000))
print(Fraction(7, 3).as_integer_ratio(), round(Fraction(7, 2)), round(Fraction(5, 2)), Fraction(-7, 3) // 1)
