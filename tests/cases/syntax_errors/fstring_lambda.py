u = f"{lambda: 1}"
