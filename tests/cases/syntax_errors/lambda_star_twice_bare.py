lambda *, a, *: 0
