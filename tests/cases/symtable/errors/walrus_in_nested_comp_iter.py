[x for x in [(y := 1) for q in r]]
