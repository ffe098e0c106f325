import localpkg
from localpkg import shapes
from localpkg.shapes import helper

print(localpkg.VERSION, localpkg.Square(3).area(), shapes.Square is localpkg.Square)
print(helper(), localpkg.__name__, shapes.__package__)
import localpkg as again
print(again is localpkg)
try:
    from localpkg import missing_name
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
