async def fetch(n):
    return n * 2

def main():
    fetch(1)
    print("after dropping the coroutine")
    c = fetch(2)
    try:
        c.send(None)
    except StopIteration as e:
        print("result", e.value)

main()
