import a.b as c[0]
