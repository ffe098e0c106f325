form a import b
