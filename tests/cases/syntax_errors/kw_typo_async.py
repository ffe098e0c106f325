asinc def f(): pass
