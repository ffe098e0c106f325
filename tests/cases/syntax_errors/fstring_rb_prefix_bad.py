fb'abc'
