from .shapes import Square

VERSION = "1.0"
print("localpkg imported")
