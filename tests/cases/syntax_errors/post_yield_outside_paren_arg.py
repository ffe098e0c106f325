f(a, yield b)
