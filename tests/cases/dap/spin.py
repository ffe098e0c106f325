import sys

print("spinning", flush=True)
count = 0
while True:
    count += 1
