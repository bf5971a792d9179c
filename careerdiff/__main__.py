import sys

from careerdiff.cli import main

sys.exit(main())
