"""Bytelens's pipeline: what CPython 3.14.2 does with Python source, in pure Python.

text -> tokens (`pipeline.tokenizer`) -> tree -> symbol table -> code object -> run.
"""
