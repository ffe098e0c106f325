l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); l.extend([3, 5]); l.insert(0, 0); l.insert(100, 99); l.insert(-1, -1)
print(l, l.index(5), l.index(5, 7), l.count(5))
l.remove(1)
print(l.pop(), l.pop(0), l)
l.sort()
print(l)
l.sort(key=lambda x: -x)
print(l)
l.reverse()
print(l, sorted(l, reverse=True)[:3])
c = l.copy()
c.clear()
print(c, len(l))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
pairs = [(1, "b"), (0, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), min(pairs), max(pairs))
try:
    [1, 2].index(3)
except ValueError:
    print("ValueError from index")
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested, [[0] * 2 for _ in range(2)], [1, 2] * 2 + [3], [1, [2]] == [1, [2]], [1, 2] < [1, 3])
