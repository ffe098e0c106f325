café = 1
ｆｕｌｌ = 2
x = "日本語"; y = café + ｆｕｌｌ
def naïve(ß=1): return ß
