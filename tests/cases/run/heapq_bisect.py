import heapq, bisect
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print(h[0], heapq.heappop(h), heapq.heappushpop(h, 0), heapq.nlargest(2, [4, 9, 1, 7]), heapq.nsmallest(2, "hello"))
heapq.heappush(h, 4)
print(sorted(h), [heapq.heappop(h) for _ in range(len(h))], list(heapq.merge([1, 4], [2, 3])))
a = [1, 3, 3, 5]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 10))
bisect.insort(a, 4)
print(a)
def grade(score, bps=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(bps, score)]
print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100)])
tasks = []
for prio, name in [(2, "write"), (1, "plan"), (3, "ship"), (1, "coffee")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(4)])
print(bisect.bisect_left([{"k": 1}, {"k": 5}], 3, key=lambda d: d["k"]))
