fu'abc'
