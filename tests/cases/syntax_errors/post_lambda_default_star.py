lambda *a, **: 0
