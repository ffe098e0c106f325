# Never ends by itself: tests/test_vm_trace.py interrupts it.
try:
    while True:
        pass
except KeyboardInterrupt:
    print("interrupted")
while True:
    pass
