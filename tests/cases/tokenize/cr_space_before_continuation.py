x \
y
