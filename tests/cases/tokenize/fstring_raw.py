x = rf'\{x}\d' + Rf"\N{y}"
