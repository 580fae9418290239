"""``python -m econ.cli``: the same as the installed ``econ`` command."""

import sys

from econ.cli import console

sys.exit(console())
