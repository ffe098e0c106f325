a = "abc" 'def' """ghi""" '''jkl'''
b = u"kind" "x" U"y"
c = b"bytes" B'more' rb"\d" Rb'\x' br"\n" BR"q"
d = r"\n\t" R'\x' "\x41\u00e9\U0001F600\N{LATIN SMALL LETTER A}\101\7\0"
e = "line\
continued" """multi
line"""
f = "\d\q" '\'' "\"" '\\'
g = ("implicit"
     "concatenation"
     f" with {fstring}")
h = "émoji 😀" "ünïcode" + 'ß'
i = b"\x00\xff\n\101"
