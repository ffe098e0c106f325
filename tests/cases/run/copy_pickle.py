import copy
import pickle
from dataclasses import dataclass, asdict

def transform(x):
    return x * 2

@dataclass
class Job:
    name: str
    action: object
    params: list

job = Job("double", transform, [1, [2, 3]])
clone = copy.deepcopy(job)
print(clone.action is transform, clone.params == job.params, clone.params is job.params)
print(asdict(job)["action"] is transform)
shallow = copy.copy(job)
print(shallow.params is job.params)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

data = pickle.dumps({"p": Point(1, 2), "f": transform, "t": (1, "a")})
back = pickle.loads(data)
print(back["p"] == Point(1, 2), back["f"] is transform, back["t"])
def gen():
    yield 1
try:
    pickle.dumps(gen())
except TypeError as e:
    print("TypeError", e)
print(copy.deepcopy([transform, {"k": transform}])[1]["k"] is transform)
