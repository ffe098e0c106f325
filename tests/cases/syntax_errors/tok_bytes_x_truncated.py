x = b'\x'
