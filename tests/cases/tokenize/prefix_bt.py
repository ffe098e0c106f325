x = bT'x'
