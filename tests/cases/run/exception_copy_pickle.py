import copy
import pickle

class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code

try:
    raise AppError(7, "disk")
except AppError as e:
    caught = e

clone = pickle.loads(pickle.dumps(caught))
print(type(clone).__name__, clone.args, clone.code)
shallow = copy.copy(caught)
deep = copy.deepcopy(caught)
print(shallow.args, deep.code, deep is caught)
print(caught.code, str(caught))
