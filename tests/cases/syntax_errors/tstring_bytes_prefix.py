tb'abc'
