"""`trainer publish`: every guide x every registered format, incrementally, in parallel, then kits and the index.

Jobs are (guide, format, preset). Each has a content hash (trainer.publish.state); jobs whose hash is
unchanged and whose files exist are skipped. The rest run in a process pool (spawned workers: Qt is
never forked), slowest formats first. A failing job is reported and the others go on; a guide whose
outputs all succeeded gets its kit (folder + manifest + ZIP); then the library index is written.
Exporters keep reusable work in `<out>/.trainer-cache/` (clip scenes named by content), so a
rebuilt clip only encodes the scenes that changed.
Progress and results are plain dict events for the caller (tqdm bars or JSON lines in the CLI).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import multiprocessing
import os
import queue as queue_module
import shutil
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer import privacy
from trainer.model import Guide
from trainer.publish.index import INDEX, index_entry, index_hash, write_index
from trainer.publish.kit import build_kit, created_stamp, small_kit_path
from trainer.publish.state import CACHE_DIR, BuildState, code_fingerprint, guide_hash, output_hash
from trainer.store import guide_folders, read_guide
from trainer.store.problems import ERROR, more_problems, say

Event = dict[str, Any]
OnEvent = Callable[[Event], None]

# Presets publish builds per format; a format not listed is exported once with preset None (all its parts).
PUBLISH_PRESETS: dict[str, tuple[str, ...]] = {"clip": ("vertical", "landscape", "lite")}
# Rough relative cost of one job, used until the build state knows real times: longest first keeps cores busy.
DEFAULT_COST: dict[str, float] = {"clip": 30.0, "audio": 8.0, "pptx": 4.0, "handout": 4.0, "infographic": 3.0, "html": 1.0}


class PublishError(Exception):
    """Publishing cannot start (no guides, unknown format, unusable out folder); one plain line.

    `usage` is True when the caller asked for something that does not exist (a format, a theme).
    """

    def __init__(self, message: str, usage: bool = False):
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True)
class Job:
    """One output of one guide."""

    slug: str
    folder: str
    fmt: str
    preset: str | None
    theme: str
    kit_dir: str
    digest: str
    guide_digest: str
    cache_dir: str = ""

    @property
    def key(self) -> str:
        """The output's name in the build state and in events: format or format:preset."""
        return f"{self.fmt}:{self.preset}" if self.preset else self.fmt


@dataclass
class Failure:
    """One thing that did not get built, with the plain line that says why."""

    slug: str
    output: str
    message: str


@dataclass
class Summary:
    """What a publish did."""

    guides: int = 0
    built: int = 0
    skipped: int = 0
    kits_built: int = 0
    kits_skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    stopped: bool = False  # the person pressed Stop: what was running was abandoned, nothing half-written kept

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures


# -- worker side ------------------------------------------------------------------------------------
_progress_queue: Any = None
_stop_event: Any = None


def _init_worker(progress_queue: Any, registry: dict[str, str], stop_event: Any = None) -> None:
    """Set up a worker: the progress queue, the stop flag, and the parent's format registry (formats registered at run time)."""
    global _progress_queue, _stop_event
    _progress_queue, _stop_event = progress_queue, stop_event
    from trainer.exporters import BUILTIN

    BUILTIN.clear()
    BUILTIN.update(registry)


@functools.lru_cache(maxsize=16)
def _checked_guide(folder: str, guide_digest: str, theme: str, fmt: str) -> tuple[Guide | None, str | None]:
    """Load and check a guide for one format, as `trainer export` does, once per worker and format."""
    from trainer.check import check_folder

    guide, problems = check_folder(Path(folder))
    errors = [p for p in problems if p.severity == ERROR]
    if guide is not None and not errors:
        from trainer.render.fit import fit_problems  # measuring text needs Qt: only ever in a worker

        errors = [p for p in fit_problems(guide, theme, fmt) if p.severity == ERROR]
    if guide is None or errors:
        return None, (str(errors[0]) if errors else str(problems[0])) + more_problems(len(errors) - 1, folder)
    return guide, None


def run_job(job: Job, job_id: int, cores: int = 0) -> tuple[list[str], float, str | None]:
    """Export one output in a worker: (file names relative to the kit folder, seconds, error line or None)."""
    from trainer.exporters import Cancelled, ExportError, get_exporter

    start = time.perf_counter()
    if _progress_queue is not None:
        _progress_queue.put((job_id, -1.0))  # tells the parent which jobs were running if this worker dies
    guide, error = _checked_guide(job.folder, job.guide_digest, job.theme, job.fmt)
    if guide is None:
        return [], time.perf_counter() - start, error
    last = [-1.0]

    def progress(fraction: float) -> None:
        if _stop_event is not None and _stop_event.is_set():
            raise Cancelled()  # the exporter removes its temporary files and writes nothing
        if _progress_queue is not None and (fraction - last[0] >= 0.02 or fraction >= 1.0):
            last[0] = fraction
            with contextlib.suppress(Exception):
                _progress_queue.put_nowait((job_id, fraction))

    try:
        exporter = get_exporter(job.fmt)
        options = exporter.Options(theme=job.theme, preset=job.preset, cache_dir=job.cache_dir, cores=cores)
        written = exporter.export(guide, Path(job.kit_dir), options, progress)
        names = [Path(p).resolve().relative_to(Path(job.kit_dir).resolve()).as_posix() for p in written]
    except ExportError as exc:
        return [], time.perf_counter() - start, str(exc)
    except Cancelled:
        return [], time.perf_counter() - start, f"{guide.path}: {job.key}: " + say("đã dừng", "cancelled")
    except Exception as exc:  # one broken exporter or guide must not stop the others: report it as one line
        detail = f"{type(exc).__name__}: {exc}"
        return (
            [],
            time.perf_counter() - start,
            f"{guide.path}: {job.key}: "
            + say("lỗi không lường trước; chi tiết kỹ thuật: “{d}”", "unexpected error: {d}", d=detail),
        )
    if not names:
        return (
            [],
            time.perf_counter() - start,
            f"{guide.path}: {job.key}: " + say("không có tệp nào được ghi ra", "the exporter wrote no file"),
        )
    return names, time.perf_counter() - start, None


def run_kit(
    guide_folder: str, kit_dir: str, zip_path: str, created: str, outputs: list[str], theme: str = "default"
) -> tuple[int, str | None]:
    """Build one guide's kit in a worker: (number of files in the manifest, error line or None)."""
    try:
        guide, problems = read_guide(Path(guide_folder))
        if guide is None:
            return 0, str(problems[0])
        manifest = build_kit(guide, Path(kit_dir), Path(zip_path), created, outputs, theme)
    except OSError as exc:
        return 0, f"{kit_dir}: " + say("không ghi được bộ tài liệu: {d}", "cannot write the kit: {d}", d=exc.strerror or exc)
    return len(manifest["files"]), None


# -- parent side ------------------------------------------------------------------------------------
def resolve_formats(names: list[str] | None) -> list[str]:
    """The formats to publish: the given names (checked) or every registered format."""
    from trainer.exporters import BUILTIN, get_exporter

    if not names:
        return list(BUILTIN)
    for name in names:
        try:
            get_exporter(name)
        except KeyError as exc:
            raise PublishError(str(exc.args[0]), usage=True) from None
    return list(dict.fromkeys(names))


def presets_for(fmt: str) -> list[str | None]:
    """Presets to build for a format: those publish wants that the exporter has, else one run with None."""
    from trainer.exporters import get_exporter

    available = get_exporter(fmt).presets
    wanted = [p for p in PUBLISH_PRESETS.get(fmt, ()) if p in available]
    return list(wanted) if wanted else [None]


def _kit_hash(guide_digest: str, outputs: dict[str, dict[str, Any]]) -> str:
    digest = hashlib.sha256(guide_digest.encode())
    for key in sorted(outputs):
        digest.update(f"\0{key}\0{outputs[key].get('hash')}".encode())
    digest.update(code_fingerprint().encode())
    return digest.hexdigest()


def _remove_files(kit_dir: Path, names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            (kit_dir / name).unlink()


def publish(
    content: Path,
    out_dir: Path,
    *,
    formats: list[str] | None = None,
    jobs: int | None = None,
    theme: str = "default",
    force: bool = False,
    on_event: OnEvent | None = None,
    slugs: list[str] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Summary:
    """Publish every guide under `content` (or only the guides named in `slugs`) into `out_dir`.

    `stop` is asked while the work runs (the app's Stop button): once it says True, nothing new
    starts, running exports give up without writing, and the summary says `stopped`. See the module docstring.
    """
    emit: OnEvent = on_event or (lambda event: None)
    started = time.perf_counter()
    content, out_dir = Path(content), Path(out_dir)
    if not content.is_dir():
        raise PublishError(f"{content}: " + say("không có thư mục thư viện này", "no such library folder"))
    folders = guide_folders(content)
    if not folders:
        raise PublishError(
            f"{content}: "
            + say(
                "thư mục này không có hướng dẫn nào (thư mục chứa 'guide.md')",
                "no guides (folders holding a guide.md) in this folder",
            )
        )
    if out_dir.resolve() == content.resolve():
        raise PublishError(
            f"{out_dir}: " + say("thư mục xuất bản không được là chính thư viện", "the out folder cannot be the library itself")
        )
    selected = resolve_formats(formats)
    from trainer.exporters import get_exporter
    from trainer.exporters.html import theme_info

    try:
        theme_info(theme)
    except Exception as exc:  # ExportError naming the theme file and key
        cause = exc.__cause__ or exc.__context__
        raise PublishError(str(exc), usage=bool(getattr(cause, "unknown", False) or getattr(exc, "unknown", False))) from None
    out_dir.mkdir(parents=True, exist_ok=True)
    state = BuildState.load(out_dir)
    summary = Summary()
    guides: dict[str, Guide] = {}
    digests: dict[str, str] = {}
    failed_guides: set[str] = set()

    for folder in folders:
        guide, problems = read_guide(folder)
        if guide is not None and (slugs is None or guide.slug in slugs):
            # Personal data first, here in one process: the engines load once, and the workers' own
            # check (check_folder) then finds every image in the scan cache.
            problems = problems + privacy.guide_problems(guide)
        errors = [p for p in problems if p.severity == ERROR]
        slug = guide.slug if guide is not None and guide.slug else folder.name
        if guide is None or errors:
            summary.failures.append(Failure(slug, "guide", str((errors or problems)[0]) + more_problems(len(errors) - 1, folder)))
            failed_guides.add(slug)
            continue
        if slug in guides:
            used = say(
                "tên thư mục '{slug}' trùng với '{other}'",
                "slug '{slug}' is also used by {other}",
                slug=slug,
                other=guides[slug].folder,
            )
            summary.failures.append(Failure(slug, "guide", f"{folder}: {used}"))
            failed_guides.add(slug)
            continue
        guides[slug] = guide
        digests[slug] = guide_hash(guide)
    if slugs is not None:
        unknown = sorted(set(slugs) - set(guides) - failed_guides)
        if unknown:
            raise PublishError(
                f"{content}: " + say("thư viện không có hướng dẫn '{s}'", "no guide '{s}' in this library", s=unknown[0])
            )
    chosen = set(guides) if slugs is None else set(slugs) & set(guides)
    summary.failures = [f for f in summary.failures if slugs is None or f.slug in slugs]
    summary.guides = len(chosen) + len(failed_guides & (set(slugs) if slugs is not None else failed_guides))

    plan: list[Job] = []
    skipped: list[Job] = []
    for slug, guide in guides.items():
        if slug not in chosen:
            continue
        kit_dir = out_dir / slug
        for fmt in selected:
            exporter = get_exporter(fmt)
            for preset in presets_for(fmt):
                options = exporter.Options(theme=theme, preset=preset)
                digest = output_hash(digests[slug], theme, fmt, str(getattr(exporter, "version", "")), options)
                job = Job(
                    slug, str(guide.folder), fmt, preset, theme, str(kit_dir), digest, digests[slug], str(out_dir / CACHE_DIR)
                )
                current = state.is_current(out_dir, slug, job.key, digest)
                (skipped if current and not force else plan).append(job)
        # Outputs of formats not selected this time stay only while they were built from this very guide.
        keys = {j.key for j in plan + skipped if j.slug == slug}
        for key, entry in list(state.outputs.get(slug, {}).items()):
            if key not in keys and entry.get("guide") != digests[slug]:
                _remove_files(kit_dir, entry.get("files") or [])
                state.outputs[slug].pop(key, None)

    def cost(job: Job) -> float:
        known = state.outputs.get(job.slug, {}).get(job.key, {}).get("seconds")
        return float(known) if known else DEFAULT_COST.get(job.fmt, 3.0)

    plan.sort(key=cost, reverse=True)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(plan) or 1))
    emit(
        {
            "event": "plan",
            "guides": summary.guides,
            "outputs": len(plan) + len(skipped),
            "to_build": len(plan),
            "skipped": len(skipped),
            "workers": workers if plan else 0,
            "formats": selected,
            "slugs": sorted(chosen),
            "to_build_by_guide": {slug: sum(1 for j in plan if j.slug == slug) for slug in sorted(chosen)},
        }
    )
    for job in skipped:
        summary.skipped += 1
        emit({"event": "output", "slug": job.slug, "output": job.key, "status": "skipped"})
    for failure in summary.failures:
        emit({"event": "output", "slug": failure.slug, "output": failure.output, "status": "failed", "error": failure.message})

    remaining = {slug: sum(1 for j in plan if j.slug == slug) for slug in guides}
    guide_failed = {slug: False for slug in guides}
    created = created_stamp()

    def kit_needed(slug: str) -> bool:
        kit_dir = out_dir / slug
        current = _kit_hash(digests[slug], state.outputs.get(slug, {}))
        zips = (out_dir / f"{slug}.zip", small_kit_path(out_dir / f"{slug}.zip"))
        fresh = state.kits.get(slug) == current and (kit_dir / "manifest.json").is_file() and all(z.is_file() for z in zips)
        return force or not fresh

    def finish_kit(slug: str, count: int, error: str | None) -> None:
        if error:
            summary.failures.append(Failure(slug, "kit", error))
            state.kits.pop(slug, None)
            emit({"event": "kit", "slug": slug, "status": "failed", "error": error})
        else:
            summary.kits_built += 1
            state.kits[slug] = _kit_hash(digests[slug], state.outputs.get(slug, {}))
            emit({"event": "kit", "slug": slug, "status": "built", "zip": str(out_dir / f"{slug}.zip"), "files": count})
        state.save(out_dir)

    def kit_args(slug: str) -> tuple[str, str, str, str, list[str], str]:
        outputs = [n for entry in state.outputs.get(slug, {}).values() for n in entry.get("files") or []]
        return (str(guides[slug].folder), str(out_dir / slug), str(out_dir / f"{slug}.zip"), created, outputs, theme)

    def finish_job(job: Job, names: list[str], seconds: float, error: str | None) -> None:
        remaining[job.slug] -= 1
        if error:
            guide_failed[job.slug] = True
            summary.failures.append(Failure(job.slug, job.key, error))
            old = state.outputs.get(job.slug, {}).get(job.key)
            state.forget(job.slug, job.key)
            if old:  # what it wrote before no longer matches the guide: do not leave it for a kit
                _remove_files(out_dir / job.slug, old.get("files") or [])
            emit(
                {
                    "event": "output",
                    "slug": job.slug,
                    "output": job.key,
                    "status": "failed",
                    "error": error,
                    "seconds": round(seconds, 3),
                }
            )
        else:
            old = state.outputs.get(job.slug, {}).get(job.key, {}).get("files") or []
            _remove_files(out_dir / job.slug, [n for n in old if n not in names])
            state.record(job.slug, job.key, job.digest, names, seconds)
            state.outputs[job.slug][job.key]["guide"] = job.guide_digest
            summary.built += 1
            emit(
                {
                    "event": "output",
                    "slug": job.slug,
                    "output": job.key,
                    "status": "built",
                    "files": names,
                    "seconds": round(seconds, 3),
                }
            )
        state.save(out_dir)

    kits_to_build = [s for s in sorted(chosen) if remaining[s] == 0 and kit_needed(s)]
    for slug in sorted(chosen):
        if remaining[slug] == 0 and slug not in kits_to_build:
            summary.kits_skipped += 1
            emit({"event": "kit", "slug": slug, "status": "skipped"})

    if plan or kits_to_build:

        def stop_job(job: Job) -> None:
            remaining[job.slug] -= 1
            guide_failed[job.slug] = True  # no kit from a guide whose outputs were not all made
            summary.stopped = True
            emit({"event": "output", "slug": job.slug, "output": job.key, "status": "stopped"})

        hooks = _Hooks(
            emit, finish_job, finish_kit, kit_args, remaining, guide_failed, kit_needed, stop or (lambda: False), stop_job
        )
        _run_pool(plan, kits_to_build, workers, hooks)

    # Guides that left the library: remove what publish made for them (only what the state says it made).
    for slug in list(state.outputs):
        if slug not in guides and slug not in failed_guides:
            shutil.rmtree(out_dir / slug, ignore_errors=True)
            shutil.rmtree(out_dir / CACHE_DIR / slug, ignore_errors=True)
            for kit_zip in (out_dir / f"{slug}.zip", small_kit_path(out_dir / f"{slug}.zip")):
                with contextlib.suppress(FileNotFoundError):
                    kit_zip.unlink()
            state.outputs.pop(slug, None)
            state.kits.pop(slug, None)

    entries = []
    for slug in sorted(guides, key=lambda s: (guides[s].topic, guides[s].title)):
        files = [n for entry in state.outputs.get(slug, {}).values() for n in entry.get("files") or []]
        if files:
            kit = f"{slug}.zip" if slug in state.kits and (out_dir / f"{slug}.zip").is_file() else None
            entries.append(index_entry(guides[slug], out_dir, files, kit))
    digest = index_hash(entries, theme)
    if force or digest != state.index or not (out_dir / INDEX).is_file():
        try:
            write_index(entries, out_dir, theme)
            state.index = digest
            emit({"event": "index", "status": "built", "path": str(out_dir / INDEX), "guides": len(entries)})
        except Exception as exc:  # the index must not hide the outputs already built
            summary.failures.append(Failure("", "index", f"{out_dir / INDEX}: {type(exc).__name__}: {exc}"))
            emit({"event": "index", "status": "failed", "error": str(exc)})
    else:
        emit({"event": "index", "status": "skipped", "path": str(out_dir / INDEX)})
    state.save(out_dir)
    summary.seconds = time.perf_counter() - started
    emit(
        {
            "event": "summary",
            "ok": summary.ok,
            "guides": summary.guides,
            "built": summary.built,
            "skipped": summary.skipped,
            "kits_built": summary.kits_built,
            "kits_skipped": summary.kits_skipped,
            "failures": [{"slug": f.slug, "output": f.output, "error": f.message} for f in summary.failures],
            "seconds": round(summary.seconds, 3),
            "stopped": summary.stopped,
        }
    )
    return summary


@dataclass
class _Hooks:
    """What the pool reports to and asks of the publish run: events, finished jobs and kits, kit readiness."""

    emit: OnEvent
    finish_job: Callable[[Job, list[str], float, str | None], None]
    finish_kit: Callable[[str, int, str | None], None]
    kit_args: Callable[[str], tuple[str, str, str, str, list[str], str]]
    remaining: dict[str, int]  # jobs still to finish, per guide
    guide_failed: dict[str, bool]
    kit_needed: Callable[[str], bool]
    stop: Callable[[], bool]  # the person asked to stop
    stop_job: Callable[[Job], None]  # a job abandoned because of a stop


def _run_pool(plan: list[Job], kits_now: list[str], workers: int, hooks: _Hooks) -> None:
    """Run export jobs, then each guide's kit as soon as its outputs are done, in spawned worker processes.

    A worker that dies (a crash in native code) breaks the whole pool: the jobs that were running then are
    suspects and run again alone, one pool each, so the crash is pinned on the job that causes it and every
    other job still gets built.
    """
    from trainer.exporters import BUILTIN

    context = multiprocessing.get_context("spawn")
    progress_queue = context.Queue()
    stop_event = context.Event()
    by_id = dict(enumerate(plan))
    suspects: set[int] = set()
    todo, kits = list(by_id), list(kits_now)
    while (todo or kits) and not stop_event.is_set():
        alone = [j for j in todo if j in suspects]
        together = [j for j in todo if j not in suspects]
        batches = [([j], [], 1) for j in alone]
        if together or kits:
            batches.append((together, kits, workers))
        todo, kits = [], []
        for ids, kit_slugs, size in batches:
            started: set[int] = set()
            if stop_event.is_set():
                for job_id in ids:
                    hooks.stop_job(by_id[job_id])
                continue
            pool_args = (context, progress_queue, stop_event, dict(BUILTIN))
            broken, broken_kits = _round(ids, kit_slugs, size, pool_args, by_id, started, hooks)
            kits.extend(broken_kits)
            if broken and not started:
                for job_id in broken:
                    hooks.finish_job(
                        by_id[job_id],
                        [],
                        0.0,
                        f"{by_id[job_id].folder}: {by_id[job_id].key}: "
                        + say("không khởi động được tiến trình làm việc", "worker processes could not start"),
                    )
                continue
            for job_id in broken:
                if job_id in suspects and len(ids) == 1:
                    job = by_id[job_id]
                    hooks.finish_job(
                        job,
                        [],
                        0.0,
                        f"{job.folder}: {job.key}: "
                        + say("tiến trình làm việc bị đổ vỡ khi đang xuất", "the worker process crashed while exporting"),
                    )
                    continue
                if job_id in started:
                    suspects.add(job_id)
                todo.append(job_id)


def _round(
    ids: list[int],
    kit_slugs: list[str],
    size: int,
    pool_args: tuple[Any, Any, Any, dict[str, str]],
    by_id: dict[int, Job],
    started: set[int],
    hooks: _Hooks,
) -> tuple[list[int], list[str]]:
    """One pool's life: returns the jobs and kits lost because a worker died."""
    broken: list[int] = []
    broken_kits: list[str] = []
    pending: dict[Future, tuple[str, Any]] = {}
    context, progress_queue, stop_event, registry = pool_args
    initargs = (progress_queue, registry, stop_event)
    cores = max(1, (os.cpu_count() or 1) // size)  # each worker's share of the machine
    with ProcessPoolExecutor(max_workers=size, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
        try:
            for job_id in ids:
                pending[pool.submit(run_job, by_id[job_id], job_id, cores)] = ("job", job_id)
            for slug in kit_slugs:
                pending[pool.submit(run_kit, *hooks.kit_args(slug))] = ("kit", slug)
            while pending:
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                _drain(progress_queue, by_id, hooks.emit, started)
                if hooks.stop() and not stop_event.is_set():
                    stop_event.set()  # running exports raise Cancelled at their next progress report
                    for future, (kind, ident) in list(pending.items()):
                        if future.cancel():  # never started: nothing to clean up
                            pending.pop(future)
                            if kind == "job":
                                hooks.stop_job(by_id[ident])
                for future in done:
                    if future not in pending:
                        continue
                    kind, ident = pending.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        (broken if kind == "job" else broken_kits).append(ident)
                        continue
                    if kind == "kit":
                        hooks.finish_kit(ident, *result)
                        continue
                    job = by_id[ident]
                    if stop_event.is_set() and result[2] is not None:
                        hooks.stop_job(job)  # given up because of the stop, not broken: keep what the last publish made
                        continue
                    hooks.finish_job(job, *result)
                    if stop_event.is_set():
                        continue
                    if hooks.remaining[job.slug] == 0 and not hooks.guide_failed[job.slug] and hooks.kit_needed(job.slug):
                        try:
                            pending[pool.submit(run_kit, *hooks.kit_args(job.slug))] = ("kit", job.slug)
                        except BrokenProcessPool:
                            broken_kits.append(job.slug)
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    _drain(progress_queue, by_id, hooks.emit, started)
    return broken, broken_kits


def _drain(progress_queue: Any, by_id: dict[int, Job], emit: OnEvent, started: set[int]) -> None:
    while True:
        try:
            job_id, fraction = progress_queue.get_nowait()
        except (queue_module.Empty, OSError, ValueError, EOFError):
            return
        job = by_id.get(job_id)
        if job is None:
            continue
        if fraction < 0:  # the worker's "I have started this job" mark
            started.add(job_id)
            continue
        emit({"event": "progress", "slug": job.slug, "output": job.key, "fraction": round(float(fraction), 3)})
