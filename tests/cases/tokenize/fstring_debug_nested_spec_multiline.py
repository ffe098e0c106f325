rf''''''
f'''{
1 = :{rt"""{(f(x))=
!s}{
(x
):}{'s'}"""}}\N{DASH}''' + 'long tail text after the string'
