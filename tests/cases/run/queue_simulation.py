from collections import deque
import random
rng = random.Random(5)
queue = deque()
served, waits, clock = 0, [], 0
for minute in range(60):
    if rng.random() < 0.6:
        queue.append(minute)
    if minute % 2 == 0 and queue:
        waits.append(minute - queue.popleft())
        served += 1
print(served, len(queue), sum(waits), max(waits), round(sum(waits) / len(waits), 3))
print(rng.randint(0, 10 ** 6), [rng.choice("HT") for _ in range(8)])
