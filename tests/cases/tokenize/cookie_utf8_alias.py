# vim: set fileencoding=UTF_8 :
x = 1
