f"{x!z"
