"""Run every benchmark in bench/ one after another and print their tables (what `make bench` runs).

Each script stays runnable alone (see its docstring); this only runs them in sequence, each in its
own process so one's memory and Qt state cannot skew the next. Numbers go in docs/benchmarks.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ("infographic", "handout", "presenter_pptx", "preview", "clip", "illustrations", "publish", "privacy")


def main() -> int:
    """Run each benchmark; exit 1 if any of them failed to run."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    failed = []
    for name in ORDER:
        script = HERE / f"{name}.py"
        print(f"\n## {name}\n", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], env=env)
        print(f"\n({name}: {time.perf_counter() - started:.0f} s, exit {result.returncode})", flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
