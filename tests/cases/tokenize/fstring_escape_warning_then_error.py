x = f"\{{a"
y = f"{
