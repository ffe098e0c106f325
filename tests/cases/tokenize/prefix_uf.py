x = Uf'x'
