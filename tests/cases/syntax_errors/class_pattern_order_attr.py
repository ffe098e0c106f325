match x:
    case m.C(a=1, [b]):
        pass
