match x:
    case _:
