for x in y:  # type: int
pass
