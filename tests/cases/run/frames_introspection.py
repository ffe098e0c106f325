import sys
import inspect

def current_name():
    return sys._getframe().f_code.co_name

def caller_name():
    return sys._getframe(1).f_code.co_name

def outer():
    return caller_name(), inspect.currentframe().f_code.co_name

print(current_name(), outer())

def show_locals():
    x = 42
    frame = sys._getframe()
    return sorted(frame.f_locals), frame.f_back.f_code.co_name

print(show_locals())
