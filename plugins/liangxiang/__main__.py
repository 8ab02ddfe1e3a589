"""`python -m liangxiang`: the `liangxiang` command, for a machine where the script is not on PATH."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
