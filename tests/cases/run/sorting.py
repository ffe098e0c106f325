from functools import cmp_to_key
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[0], reverse=True))

def compare(a, b):
    return (a[1] > b[1]) - (a[1] < b[1]) or (a[0] > b[0]) - (a[0] < b[0])

print(sorted(people, key=cmp_to_key(compare)))
nums = [5, 3, 8, 1]
nums.sort()
print(nums, sorted("banana"), sorted({3: "c", 1: "a"}), list(reversed(nums)))
import heapq
h = []
for n in [5, 1, 4]:
    heapq.heappush(h, n)
print(heapq.heappop(h), heapq.nsmallest(2, [9, 2, 7]), heapq.nlargest(1, people, key=lambda p: p[1]))
import bisect
print(bisect.bisect_left([1, 3, 5], 4), min(people, key=lambda p: p[1]))
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"R{self.v}"
print(sorted([Rev(1), Rev(3), Rev(2)]))
