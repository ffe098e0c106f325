import sys
x: int = 1
if sys.platform == "win32":
    y: str
class C:
    a: int
    if x:
        b: "C"
    def m(self, p: list[int] = []) -> None:
        self.z = p
