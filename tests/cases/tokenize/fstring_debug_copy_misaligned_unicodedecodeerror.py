    rf'{[t''''''):{[d['k']]}} longer literal text here{ rt""""""=
:{[[{
x}]}}}' + 'long tail text after the string'
y = (F"""
  tail text
'longer literal text here{
T"""{ (x]=!s:{t'''longer literal text hereabcé€{
a!=b!}'''}}'""" = :>10}""")