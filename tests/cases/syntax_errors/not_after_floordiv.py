a // not b
