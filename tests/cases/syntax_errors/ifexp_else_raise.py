x = a if b else raise
