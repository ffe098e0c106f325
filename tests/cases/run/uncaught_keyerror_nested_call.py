config = {"db": {"host": "localhost", "port": 5432}}
def get(path):
    node = config
    for part in path.split("."):
        node = node[part]
    return node
def connect():
    host = get("db.host")
    user = get("db.user")
    return host, user
print(get("db.port"))
connect()
