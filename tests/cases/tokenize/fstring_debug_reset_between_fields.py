return T'é'
x = f'{((fR'{{%d{1!s}	'))=:{w}}{f"""%d{
"q":{w}.{p}}"""!s:{w}}{(((None))):0>{n}d}\\'
print(Tr'')
x = t"{((('s'))):%Y-%m} "