import atexit
def goodbye():
    print("atexit handler")
print("start")
for i in range(3):
    if i == 2:
        print("exiting at", i)
        exit(5)
