grid = [[1, 2], [3, 0]]
print([[10 // v for v in row] for row in grid[:1]])
inverse = [[10 // v for v in row] for row in grid]
