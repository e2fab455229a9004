"""A power cut during a save leaves the old guide or the new one, never a torn file.

A writer process saves two versions of a guide in a loop; it is killed (SIGKILL, no clean-up) at
random moments, 200 times. After every kill the guide must load and be exactly one of the versions.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trainer.model import Guide, Step
from trainer.store import load_guide, save_guide, serialize_guide
from trainer.store.atomic import leftovers

KILLS = 200

WRITER = r"""
import sys
from pathlib import Path
from trainer.store import load_guide, save_guide
target = Path(sys.argv[1])
versions = [load_guide(Path(p)) for p in sys.argv[2:4]]
print("ready", flush=True)
i = 0
while True:
    save_guide(versions[i % 2], target)
    i += 1
"""


def make_version(marker: str, steps: int) -> Guide:
    # Large enough (~60 KB) that a write takes long enough to be interrupted half-way.
    body = (f"Nội dung {marker} có dấu tiếng Việt. " * 40).strip()
    return Guide(
        title=f"Phiên bản {marker}",
        slug="kill",
        summary="Thử cắt điện giữa lúc lưu.",
        topic="Thử nghiệm",
        status="draft",
        steps=[Step(title=f"Bước {i} {marker}", text=body) for i in range(steps)],
    )


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_during_save_never_tears_the_file(tmp_path: Path) -> None:
    sources = []
    for marker, steps in (("A", 12), ("B", 9)):
        path = save_guide(make_version(marker, steps), tmp_path / f"src-{marker}" / "guide.md")
        sources.append(path)
    expected = {p.read_bytes() for p in sources}
    target = tmp_path / "kill" / "guide.md"
    save_guide(load_guide(sources[0]), target)

    rng = random.Random(2026)
    seen = set()
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), *map(str, sources)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.03))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        assert data in expected, "torn file after a kill"
        seen.add(data)
        assert serialize_guide(load_guide(target)).encode("utf-8") == data
    # Kills landed while both versions were being written, so the test really interrupted saves.
    assert len(seen) == 2
    # Left-over temporary files are hidden and never mistaken for the guide.
    assert [p.name for p in target.parent.iterdir() if not p.name.startswith(".")] == ["guide.md"]
    # The next save sweeps those a killed save left behind, once they are old enough to be surely dead.
    left = leftovers(target)
    assert left, "no kill landed mid-write"
    for path in left:
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    save_guide(load_guide(target), target)
    assert leftovers(target) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["guide.md"]
