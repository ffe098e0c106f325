def walk(tree, depth=0):
    if tree is None:
        return depth
    return walk(tree.get("child"), depth + 1)
chain = None
for i in range(5):
    chain = {"child": chain, "id": i}
print(walk(chain))
chain["child"]["child"]["child"]["child"] = []
print(walk(chain))
