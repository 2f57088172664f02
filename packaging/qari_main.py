"""Entry point of the PyInstaller bundle (packaging/qari.spec): the ``qari`` command."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
