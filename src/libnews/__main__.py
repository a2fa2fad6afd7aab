"""``python -m libnews`` runs the command line."""

import sys

from libnews.cli import main

sys.exit(main())
