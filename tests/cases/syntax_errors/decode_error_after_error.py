x  "\xZZ"
