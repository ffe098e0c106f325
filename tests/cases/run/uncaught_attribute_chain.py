class Node:
    def __init__(self, value, nxt=None):
        self.value, self.next = value, nxt
head = Node(1, Node(2, Node(3)))
print(head.next.next.value)
print(head.next.next.next.value)
