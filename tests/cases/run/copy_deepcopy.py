import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s, d)
class Node:
    def __init__(self, v): self.v, self.children = v, []
    def __copy__(self):
        n = Node(self.v)
        n.children = self.children
        return n
root = Node(1)
root.children.append(Node(2))
shallow = copy.copy(root)
deep = copy.deepcopy(root)
root.children.append(Node(3))
print(len(shallow.children), len(deep.children), deep.children[0].v)
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2[0])
class Custom:
    def __init__(self): self.log = []
    def __deepcopy__(self, memo):
        r = Custom()
        r.log = ["deep-copied"]
        return r
print(copy.deepcopy(Custom()).log, copy.copy((1, 2)) is not None)
