ﬁle = 1
tést = 2
