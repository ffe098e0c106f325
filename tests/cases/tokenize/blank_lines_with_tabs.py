if x:
	y
	
  
	z
