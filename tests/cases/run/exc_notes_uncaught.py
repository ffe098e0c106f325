class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return f"{self.field}: {self.problem}"

def validate(record):
    if "age" not in record:
        err = ValidationError("age", "missing")
        err.add_note("while validating record 7")
        err.add_note("hint: every record needs an age")
        raise err

validate({"age": 3})
print("first ok")
validate({})
