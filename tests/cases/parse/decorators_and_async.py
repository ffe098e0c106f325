@a
@b.c
@d(e)
@f[g]
@(h := i)
async def j():
    async with k: pass
    async for l in m: pass
    await n
    [o async for o in p]
    {q: r async for q, r in s}
    (t async for t in u)
