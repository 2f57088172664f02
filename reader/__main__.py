"""``python -m reader`` does what the ``qari`` command does."""

import sys

from reader.cli import main

sys.exit(main())
