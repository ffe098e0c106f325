type _ = 
