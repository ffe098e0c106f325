{**a.b for a in c if a}
