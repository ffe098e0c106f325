x = 1j_
