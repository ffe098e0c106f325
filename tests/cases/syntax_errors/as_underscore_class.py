match x:
    case C() as _:
        pass
