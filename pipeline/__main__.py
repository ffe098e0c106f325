"""`python -m pipeline ...` is `bytelens ...`."""
import sys

from pipeline.cli import main

sys.exit(main(sys.argv[1:]))
