x = bb'x' rr'y'
