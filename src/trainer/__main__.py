"""`python -m trainer` is the same as the `trainer` command, and the frozen app's entry point."""

import multiprocessing
import sys

from trainer.cli import main

if __name__ == "__main__":
    # `publish --jobs` starts workers with the spawn method; in the frozen app each worker is this same
    # executable, and freeze_support() turns it into a worker instead of a second app (no-op elsewhere).
    multiprocessing.freeze_support()
    sys.exit(main())
