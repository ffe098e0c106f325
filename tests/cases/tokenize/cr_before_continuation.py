x\
y
