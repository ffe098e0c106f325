from a import b as c[1], d
