import a as b()
