def greet(name):
    mesage = "hello " + name
    return message

print("start")
greet("bob")
