def collatz(n):
    steps = 0
    while n != 1:
        if n % 2:
            n = 3 * n + 1
        else:
            n //= 2
        steps += 1
    return steps


longest = 0
for start in range(1, 200):
    longest = max(longest, collatz(start))
print(longest)
