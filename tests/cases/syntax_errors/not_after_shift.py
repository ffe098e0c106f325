a << not b
