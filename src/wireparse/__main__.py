"""``python -m wireparse``: the same as the ``wireparse`` command."""

import sys

from wireparse._cli import main

sys.exit(main())
