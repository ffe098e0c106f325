class Transaction:
    def __enter__(self):
        print("begin")
        return self
    def __exit__(self, typ, value, tb):
        print("rollback" if typ else "commit", typ.__name__ if typ else "")
        return False

with Transaction():
    print("step 1")

with Transaction() as t:
    print("step 2")
    t.missing_method()
