tu'abc'
