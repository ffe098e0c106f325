"""Bytelens's PEG grammar for Python 3.14 (`python.gram`), its generator and the token codes they share."""
