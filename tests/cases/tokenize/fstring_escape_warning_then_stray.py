x = f"\{{a"
y = $
