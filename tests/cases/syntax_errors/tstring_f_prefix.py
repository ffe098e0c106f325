tf'abc'
