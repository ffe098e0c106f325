a @ not b
