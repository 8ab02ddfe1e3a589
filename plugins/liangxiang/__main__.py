"""`python -m liangxiang`: the `liangxiang` command, for a machine where the script is not on PATH."""

import sys

from .cli import main

sys.exit(main())
