"""The frozen app (packaging/trainer.spec) works with no Python on the machine: CLI, every export format, the window.

The app is built once per session into a temporary folder, or taken from TRAINER_FROZEN_APP (the path of an
already built or installed executable; the Windows workflow points it at the installed Trainer.exe). Each
run gets a minimal environment: a PATH with no Python on it (only the tools the app itself may start), a
fresh HOME and temp folder, and nothing else of this process's environment.
"""

from __future__ import annotations

import importlib.metadata as md
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from support import in_ci, require_tool, start_xvfb
from trainer import __version__

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500), pytest.mark.xdist_group("frozen")]

REPO = Path(__file__).resolve().parents[2]
WINDOWS = sys.platform == "win32"
GUIDE = "zalo-tra-cuu-ho-so"  # the smallest bundled guide (6 steps)
# Tools the frozen app may start from PATH: espeak-ng for the audio export's draft voice (when installed).
APP_TOOLS = ("espeak-ng",)


# -- the app ----------------------------------------------------------------------------------------
def _pyinstaller() -> None:
    """PyInstaller in this environment: installed now if missing; skip (fail under CI) when it cannot be."""
    try:
        import PyInstaller  # noqa: F401

        return
    except ImportError:
        pass
    import tomllib

    # The `dist` extra's requirements only: installing `.[dist]` would replace the editable trainer install.
    wanted = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["dist"]
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *wanted], capture_output=True, text=True)
    if done.returncode != 0:
        reason = f"PyInstaller cannot be installed: {done.stderr.strip()[-300:]}"
        if in_ci():
            pytest.fail(reason + " (CI=true, so this test may not skip)", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen executable: TRAINER_FROZEN_APP, or a fresh build of packaging/trainer.spec."""
    given = os.environ.get("TRAINER_FROZEN_APP")
    if given:
        exe = Path(given)
        assert exe.is_file(), f"TRAINER_FROZEN_APP={given} is not a file"
        return exe
    _pyinstaller()
    out = tmp_path_factory.mktemp("frozen")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(REPO / "packaging" / "trainer.spec")],
        capture_output=True, text=True, cwd=REPO,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    exe = out / "dist" / "Trainer" / ("Trainer.exe" if WINDOWS else "Trainer")
    assert exe.is_file()
    return exe


def internal(app: Path) -> Path:
    """The folder beside the executable that holds Python, the libraries and the data."""
    return app.parent / "_internal"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def minimal_env(home: Path, **extra: str) -> dict[str, str]:
    """The whole environment of a frozen run: like `env -i`, plus a PATH without Python, HOME and a temp folder."""
    tmp = home / "tmp"
    tmp.mkdir(exist_ok=True)
    if WINDOWS:
        root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env = {
            "SYSTEMROOT": root,
            "PATH": rf"{root}\system32;{root}",
            "USERPROFILE": str(home),
            "TEMP": str(tmp),
            "TMP": str(tmp),
        }
    else:
        tools = home / "bin"
        tools.mkdir(exist_ok=True)
        for tool in APP_TOOLS:
            found = shutil.which(tool)
            if found and not (tools / tool).exists():
                (tools / tool).symlink_to(found)
        env = {"PATH": str(tools), "HOME": str(home), "TMPDIR": str(tmp), "LANG": "C.UTF-8"}
    env.update(extra)
    return env


def run(app: Path, home: Path, *args: str, timeout: float = 600, **extra: str) -> subprocess.CompletedProcess[str]:
    env = minimal_env(home, **{"QT_QPA_PLATFORM": "offscreen", "TRAINER_LANG": "en", **extra})
    return subprocess.run([str(app), *args], capture_output=True, text=True, env=env, cwd=home, timeout=timeout)


def test_no_python_on_the_path_the_app_gets(home: Path) -> None:
    path = minimal_env(home)["PATH"]
    assert shutil.which("python3", path=path) is None and shutil.which("python", path=path) is None


def test_version(app: Path, home: Path) -> None:
    done = run(app, home, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"trainer {__version__}"


def test_the_bundle_carries_its_data(app: Path) -> None:
    inside = internal(app)
    assert (inside / "content" / GUIDE / "guide.md").is_file()
    resources = inside / "trainer" / "resources"
    for name in ("fonts/BeVietnamPro-Regular.ttf", "fonts/LiberationSans-Regular.ttf", "translations/trainer_vi.qm",
                 "templates/guide.html.j2", "themes/default.toml"):  # fmt: skip
        assert (resources / name).is_file(), name
    assert [p for p in (inside / "imageio_ffmpeg" / "binaries").glob("ffmpeg*") if p.suffix != ".md"], "no ffmpeg"
    assert list((inside / "rapidocr" / "models").glob("*.onnx")) and (inside / "rapidocr" / "config.yaml").is_file()
    assert (inside / "cv2" / "data" / "haarcascade_frontalface_default.xml").is_file()
    plugins = inside / "PySide6" / "Qt" / "plugins"
    lib = "*.dll" if WINDOWS else "*.so"
    for folder, names in {"platforms": ["offscreen", "windows" if WINDOWS else "xcb"], "imageformats": ["svg", "jpeg"],
                          "printsupport": [""], "multimedia": ["ffmpeg"]}.items():  # fmt: skip
        found = [p.name for p in (plugins / folder).glob(lib)]
        for name in names:
            assert any(name in f for f in found), f"{folder}/{name} missing: {found}"


# -- every export format, each read back by a real client ------------------------------------------
def ffmpeg_info(path: Path) -> str:
    """`ffmpeg -i FILE` output of the venv's own ffmpeg (imageio-ffmpeg), which describes the streams."""
    import imageio_ffmpeg

    return subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True
    ).stderr


def duration(info: str) -> float:
    h, m, s = re.search(r"Duration: (\d+):(\d+):([\d.]+)", info).groups()  # type: ignore[union-attr]
    return int(h) * 3600 + int(m) * 60 + float(s)


@pytest.fixture(scope="module")
def title(app: Path) -> str:
    text = (internal(app) / "content" / GUIDE / "guide.md").read_text(encoding="utf-8")
    return re.search(r"^title:\s*(.+)$", text, re.MULTILINE).group(1).strip().strip("\"'")  # type: ignore[union-attr]


def export(app: Path, home: Path, tmp_path: Path, fmt: str, *extra: str) -> list[Path]:
    done = run(app, home, "export", str(internal(app) / "content" / GUIDE), "--format", fmt, "--out", str(tmp_path), *extra)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    written = [Path(line.strip()) for line in done.stdout.splitlines() if line.strip() and Path(line.strip()).exists()]
    assert written, done.stdout
    return written


def test_export_handout(app: Path, home: Path, tmp_path: Path, title: str) -> None:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    pdfs = [p for p in export(app, home, tmp_path, "handout") if p.suffix == ".pdf"]
    assert pdfs
    for pdf in pdfs:
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert " ".join(title.split()[:3]) in " ".join(text.split()), pdf.name


def test_export_infographic(app: Path, home: Path, tmp_path: Path) -> None:
    from PIL import Image

    images = [p for p in export(app, home, tmp_path, "infographic") if p.suffix in (".png", ".jpg")]
    assert {p.suffix for p in images} == {".png", ".jpg"}
    for path in images:
        with Image.open(path) as image:
            image.load()
            assert image.width >= 600 and image.height > image.width, (path.name, image.size)
            assert len(image.convert("L").getcolors(1 << 16) or []) > 50, f"{path.name} looks blank"


def test_export_pptx(app: Path, home: Path, tmp_path: Path, title: str) -> None:
    from pptx import Presentation

    (deck,) = [p for p in export(app, home, tmp_path, "pptx") if p.suffix == ".pptx"]
    assert zipfile.ZipFile(deck).testzip() is None
    slides = Presentation(str(deck)).slides
    texts = " ".join(shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame)
    assert len(slides) >= 6 and title.split()[0] in texts


def test_export_html(app: Path, home: Path, tmp_path: Path, title: str) -> None:
    (page,) = [p for p in export(app, home, tmp_path, "html") if p.suffix == ".html"]
    html = page.read_text(encoding="utf-8")
    assert title.split()[0] in html and "@font-face" in html and "<img" in html


def test_export_clip_lite(app: Path, home: Path, tmp_path: Path) -> None:
    (clip,) = [p for p in export(app, home, tmp_path, "clip", "--preset", "lite") if p.suffix == ".mp4"]
    info = ffmpeg_info(clip)
    assert "Video: h264" in info and "480x854" in info, info
    assert duration(info) > 10, info


def test_export_audio(app: Path, home: Path, tmp_path: Path) -> None:
    sounds = [p for p in export(app, home, tmp_path, "audio") if p.suffix in (".mp3", ".m4a", ".ogg", ".opus", ".wav")]
    assert sounds
    for sound in sounds:
        info = ffmpeg_info(sound)
        assert "Audio:" in info and duration(info) > 5, info


def test_check(app: Path, home: Path) -> None:
    done = run(app, home, "check", str(internal(app) / "content" / GUIDE))
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    broken = home / "broken"
    shutil.copytree(internal(app) / "content" / GUIDE, broken, dirs_exist_ok=True)
    guide = broken / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("](images/", "](images/missing-", 1), encoding="utf-8")
    done = run(app, home, "check", str(broken))
    assert done.returncode == 1 and "missing-" in done.stdout + done.stderr, f"{done.stdout}\n{done.stderr}"


# -- licences ---------------------------------------------------------------------------------------
def bundled_distributions(app: Path) -> set[str]:
    """Distributions whose top-level packages are inside the bundle (by this environment's metadata)."""
    names = {p.name.split(".")[0] for p in internal(app).iterdir()}
    owners = md.packages_distributions()
    found = {dist for name in names for dist in owners.get(name, [])}
    found |= {p.name.split("-")[0] for p in internal(app).glob("*.dist-info")}
    return {re.sub(r"[-_.]+", "-", d).lower() for d in found} - {"trainer"}


def test_third_party_licenses_name_everything_bundled(app: Path) -> None:
    notices = app.parent / "THIRD-PARTY-LICENSES"
    assert notices.is_file() and (app.parent / "FFMPEG-SOURCE-OFFER.md").is_file()
    text = notices.read_text(encoding="utf-8")
    summary = {line.split()[0].lower().replace("_", "-") for line in text.split("=" * 100)[0].splitlines()[5:] if line.strip()}
    bundled = bundled_distributions(app)
    assert {"pyside6-essentials", "onnxruntime", "pyvips-binary", "rapidocr", "numpy"} <= bundled | {"pyvips-binary"}
    assert not bundled - summary, f"bundled but not in THIRD-PARTY-LICENSES: {sorted(bundled - summary)}"
    for part in ("Qt (via PySide6)", "Be Vietnam Pro", "Liberation Sans", "FFmpeg", "libvips", "RapidOCR models", "Python"):
        assert part in text, part
    work = app.parent.parent.parent / "work" / "trainer" / "bundled-distributions.json"
    if work.is_file():  # built here: the spec's own list of what it collected is covered too
        assert not set(json.loads(work.read_text())) - summary


# -- the window -------------------------------------------------------------------------------------
def window_ids(display: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Trainer"], capture_output=True, text=True, env=env)
    return done.stdout.split()


def quit_with_ctrl_q(proc: subprocess.Popen[str], window: str, env: dict[str, str]) -> int | None:
    """Focus the window and press Ctrl+Q (the app's Quit) until it exits, as a person would; its exit code."""
    for _ in range(3):
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, timeout=30, capture_output=True)
        time.sleep(0.5)  # with no window manager the focus change must reach the app before the key does
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, timeout=30, capture_output=True)
        try:
            return proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue
    return None


@pytest.mark.skipif(WINDOWS, reason="Xvfb and xdotool are Linux tools; on Windows the workflow starts the installed app")
def test_app_window_opens_on_the_bundled_guides(app: Path, tmp_path: Path) -> None:
    from PIL import Image, ImageStat

    require_tool("xdotool", "xdotool")
    xvfb, display = start_xvfb(1366, 768)
    home = tmp_path / "home"
    home.mkdir()
    env = minimal_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb", TRAINER_LANG="vi")
    tools_env = {"DISPLAY": display, "PATH": "/usr/bin:/bin"}
    started = time.monotonic()
    proc = subprocess.Popen([str(app)], env=env, cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ids: list[str] = []
        while not ids and time.monotonic() - started < 180 and proc.poll() is None:
            time.sleep(0.25)
            ids = window_ids(display, tools_env)
        shown = time.monotonic() - started
        assert ids, f"no Trainer window within 180 s (a loaded machine); exit {proc.poll()}"
        time.sleep(2)  # let the library's thumbnails paint
        import imageio_ffmpeg

        shot = tmp_path / "window.png"
        grab = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "x11grab", "-video_size", "1366x768", "-i", display,
                "-frames:v", "1", "-y", str(shot)]  # fmt: skip
        subprocess.run(grab, check=True, capture_output=True, env=tools_env)
        with Image.open(shot) as image:
            gray = image.convert("L")
            assert ImageStat.Stat(gray).stddev[0] > 20 and len(gray.getcolors(256) or []) > 40, "the screen looks blank"
        if os.environ.get("TRAINER_SCREENSHOT_OUT"):
            shutil.copyfile(shot, os.environ["TRAINER_SCREENSHOT_OUT"])
        # First start: the bundled guides were copied into the user's own library, which the window shows.
        from trainer.library import LIBRARY_FOLDER

        assert (home / "Trainer" / LIBRARY_FOLDER / GUIDE / "guide.md").is_file()  # no Documents folder in this home
        assert quit_with_ctrl_q(proc, ids[0], tools_env) == 0, proc.stderr.read() if proc.stderr else ""
        print(f"window shown after {shown:.1f} s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        xvfb.kill()
        xvfb.wait()
