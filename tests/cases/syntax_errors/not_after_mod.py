x = a % not b
