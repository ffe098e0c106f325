if x:
 	a
	 b
