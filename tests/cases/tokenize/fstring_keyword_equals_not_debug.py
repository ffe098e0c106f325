x = rf"{ a!=b = !s:}{'s'=:}{F'''abc\N{DASH}{d['k']:{w}}{ F"""{"q":{x # c
}}{ T"{ "q"=:}" = }"""=
!r:{w}}'''}{ y:=1!}"
T'''{
{(rf'''{
f(a=1)!r:
}é€''']}=
:{w}}'''' + 'long tail text after the string'
rf""""""
