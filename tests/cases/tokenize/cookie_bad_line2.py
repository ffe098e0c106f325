
# coding: nope-enc
