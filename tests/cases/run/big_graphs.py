"""Graph algorithms on a small road network: BFS, DFS, Dijkstra with heapq, topological sort
with cycle detection, connected components, minimum spanning tree (union-find), and paths."""
import heapq
from collections import defaultdict, deque


class Graph:
    def __init__(self, directed=False):
        self.directed = directed
        self.adj = defaultdict(dict)
        self.nodes = []

    def add_node(self, node):
        if node not in self.adj:
            self.adj[node]
            self.nodes.append(node)

    def add_edge(self, a, b, weight=1):
        self.add_node(a)
        self.add_node(b)
        self.adj[a][b] = weight
        if not self.directed:
            self.adj[b][a] = weight

    def edges(self):
        seen = set()
        for a in self.nodes:
            for b, w in self.adj[a].items():
                key = (a, b) if self.directed else tuple(sorted((a, b)))
                if key not in seen:
                    seen.add(key)
                    yield key[0], key[1], w

    def bfs(self, start):
        order, seen, queue = [], {start}, deque([start])
        while queue:
            node = queue.popleft()
            order.append(node)
            for nxt in sorted(self.adj[node]):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return order

    def dfs(self, start, seen=None):
        seen = set() if seen is None else seen
        seen.add(start)
        yield start
        for nxt in sorted(self.adj[start]):
            if nxt not in seen:
                yield from self.dfs(nxt, seen)

    def dijkstra(self, source):
        dist = {source: 0}
        prev = {}
        heap = [(0, source)]
        done = set()
        while heap:
            d, node = heapq.heappop(heap)
            if node in done:
                continue
            done.add(node)
            for nxt, w in self.adj[node].items():
                nd = d + w
                if nd < dist.get(nxt, float("inf")):
                    dist[nxt] = nd
                    prev[nxt] = node
                    heapq.heappush(heap, (nd, nxt))
        return dist, prev

    def path(self, source, target):
        dist, prev = self.dijkstra(source)
        if target not in dist:
            raise LookupError(f"no path from {source} to {target}")
        path = [target]
        while path[-1] != source:
            path.append(prev[path[-1]])
        return dist[target], path[::-1]

    def components(self):
        seen = set()
        result = []
        for node in self.nodes:
            if node not in seen:
                comp = sorted(self.dfs(node, seen))
                result.append(comp)
        return result


class CycleError(ValueError):
    def __init__(self, cycle):
        super().__init__("cycle: " + " -> ".join(cycle))
        self.cycle = cycle


def toposort(graph):
    state = {}
    order = []
    stack = []

    def visit(node):
        if state.get(node) == "done":
            return
        if state.get(node) == "active":
            i = stack.index(node)
            raise CycleError(stack[i:] + [node])
        state[node] = "active"
        stack.append(node)
        for nxt in sorted(graph.adj[node]):
            visit(nxt)
        stack.pop()
        state[node] = "done"
        order.append(node)

    for node in graph.nodes:
        visit(node)
    return order[::-1]


class UnionFind:
    def __init__(self, items):
        self.parent = {i: i for i in items}
        self.rank = dict.fromkeys(items, 0)

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True


def kruskal(graph):
    uf = UnionFind(graph.nodes)
    tree = []
    for a, b, w in sorted(graph.edges(), key=lambda e: (e[2], e[0], e[1])):
        if uf.union(a, b):
            tree.append((a, b, w))
    return tree


roads = Graph()
for a, b, w in [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
                ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("X", "Y", 1)]:
    roads.add_edge(a, b, w)

print("nodes", roads.nodes, "edges", len(list(roads.edges())))
print("bfs", roads.bfs("A"), "dfs", list(roads.dfs("A")))
dist, prev = roads.dijkstra("A")
print("dist", sorted(dist.items()))
print("path", roads.path("A", "E"), roads.path("E", "B"))
try:
    roads.path("A", "Y")
except LookupError as exc:
    print("LookupError:", exc)
print("components", roads.components())
mst = kruskal(roads)
print("mst", mst, sum(w for *_, w in mst))

deps = Graph(directed=True)
for a, b in [("app", "web"), ("app", "db"), ("web", "http"), ("db", "driver"), ("http", "sockets"),
             ("driver", "sockets"), ("tests", "app")]:
    deps.add_edge(a, b)
print("toposort", toposort(deps))
deps.add_edge("sockets", "app")
try:
    toposort(deps)
except CycleError as exc:
    print("CycleError:", exc, len(exc.cycle))

grid = Graph()
for r in range(4):
    for c in range(4):
        if c < 3 and (r, c) != (1, 1):
            grid.add_edge((r, c), (r, c + 1))
        if r < 3 and (r, c) != (2, 2):
            grid.add_edge((r, c), (r + 1, c))
print(grid.path((0, 0), (3, 3)))
print(len(grid.bfs((0, 0))), grid.components()[0][:3])
