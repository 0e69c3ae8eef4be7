"""Allow ``python -m newsarchive``."""

import os
import sys

from newsarchive.cli import main

code = main()
# Exit without tearing the interpreter down: freeing a large archive's objects one by one
# takes a noticeable part of a small rebuild (~0.3 s at 3,000 articles), and there is
# nothing left to clean up (files are closed, output is flushed below).
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
