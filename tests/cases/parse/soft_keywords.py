match = 1
case = 2
_ = 3
type = 4
match(x)
match[x]
match.x
type(x)
print(match, case, _, type)
def match(): pass
class case: pass
match x:
    case _:
        match = case
