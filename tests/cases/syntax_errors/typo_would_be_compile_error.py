lambdaawait (yield)
class
