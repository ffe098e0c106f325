	if x:
  	pass
