x = +not a
