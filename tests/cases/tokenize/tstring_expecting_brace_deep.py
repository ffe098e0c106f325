rf''''''
rt"""{
rf"""{
[
1] = }""""=}{f"{f"abc{rf"""{x!r}""" = }longer literal text here":}{ f'''"{ (x # c
) = !r:{x # c
}}'''=}"!s:{w}.{p}}" """
