x = 1
y = "ok" + "bad
