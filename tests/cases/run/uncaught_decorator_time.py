def register(name):
    def deco(func):
        REGISTRY[name] = func
        return func
    return deco

@register("a")
def handler():
    pass
