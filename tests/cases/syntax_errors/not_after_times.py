a * not b
