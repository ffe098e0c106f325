if x and \
 