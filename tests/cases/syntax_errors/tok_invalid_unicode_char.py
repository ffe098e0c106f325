x = a€
