import asyncio


def countdown(n):
    while n > 0:
        yield n
        n -= 1


async def fetch(value):
    await asyncio.sleep(0)
    doubled = value * 2
    return doubled


async def main():
    got = await fetch(21)
    return got


values = []
for v in countdown(3):
    values.append(v)
answer = asyncio.run(main())
print(values, answer)
