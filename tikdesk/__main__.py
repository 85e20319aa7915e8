"""``python -m tikdesk`` — same entry point as the ``tikdesk`` script."""

import sys

from tikdesk.app import main

sys.exit(main())
