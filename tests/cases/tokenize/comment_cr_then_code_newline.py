        # c  pass 	x = 1  # c \
