x\
y
