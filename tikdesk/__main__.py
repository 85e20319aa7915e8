"""``python -m tikdesk`` — same entry point as the ``tikdesk`` script."""

import sys

try:
    from tikdesk.app import main
except KeyboardInterrupt:  # Ctrl+C while starting: nothing has been opened yet
    print("tikdesk: abgebrochen / cancelled", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
