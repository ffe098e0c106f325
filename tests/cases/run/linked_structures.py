class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, *values):
        self.head = None
        self.size = 0
        for v in reversed(values):
            self.push(v)
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return " -> ".join(map(repr, self)) or "empty"
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
        return self

ll = LinkedList(1, 2, 3)
print(ll, len(ll), list(ll), ll.reverse(), LinkedList())

class Tree:
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right
    def insert(self, v):
        side = "left" if v < self.value else "right"
        child = getattr(self, side)
        if child is None:
            setattr(self, side, Tree(v))
        else:
            child.insert(v)
        return self
    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.value
        if self.right:
            yield from self.right.inorder()
    def height(self):
        return 1 + max(self.left.height() if self.left else 0, self.right.height() if self.right else 0)

t = Tree(5)
for v in [3, 8, 1, 4, 9, 7]:
    t.insert(v)
print(list(t.inorder()), t.height())
stack, queue_ = [], []
from collections import deque
dq = deque()
for v in t.inorder():
    stack.append(v)
    dq.appendleft(v)
print(stack.pop(), dq.popleft(), list(dq)[:3])
