"""The `trainer` command: no arguments opens the app; sub-commands check, export, present, publish, verify, import.

Exit codes: 0 success, 1 problems in the input or the export, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer import __version__
from trainer.library import default_library
from trainer.store.problems import ERROR, GuideError, Problem, language, say

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


# -- check ------------------------------------------------------------------------------------------
def fit_problems(guide, theme: str = "default", output_format: str | None = None) -> list[Problem]:  # type: ignore[no-untyped-def]
    """Problems found by measuring the guide's real text with the render layer (text that cannot fit).

    With an export format, only the outputs that format paints are measured.
    """
    from trainer.render.fit import fit_problems as measure

    return measure(guide, theme, output_format)


def not_reported(found: list[Problem], reported: list[Problem]) -> list[Problem]:
    """The problems of `found` not already in `reported` (an unusable image the measuring meets is reported by check)."""
    seen = {(p.file, p.line, p.code) for p in reported}
    return [p for p in found if (p.file, p.line, p.code) not in seen]


def measure_themes(guide, themes: list[str]) -> list[Problem]:  # type: ignore[no-untyped-def]
    """Fit problems of a guide in each theme; a step that overflows in several themes is reported once."""
    found: dict[int, Problem] = {}
    for theme in themes:
        for problem in fit_problems(guide, theme):
            if problem.line in found:
                continue
            if theme != "default" and problem.code == "does-not-fit":
                label = Path(theme).stem if theme.endswith(".toml") else theme
                named = say("(chủ đề '{t}')", "({t})", t=label)  # a theme's name is typed, so it is quoted in Vietnamese
                params = dict(problem.params, output=f"{problem.params['output']} {named}")
                problem = Problem(problem.file, problem.line, problem.code, params, problem.severity)
            found[problem.line] = problem
    return [found[line] for line in sorted(found)]


def library_themes(paths: list[Path]) -> list[str]:
    """The brandings (theme files in `<library>/themes/`) of the libraries the checked paths belong to."""
    from trainer.render.branding import library_brandings
    from trainer.store import GUIDE_FILE

    found: list[str] = []
    for path in paths:
        # A library folder, a guide folder in one, or a guide.md in a guide folder: the library only.
        library = path.parent.parent if path.is_file() else path.parent if (path / GUIDE_FILE).is_file() else path
        for theme in library_brandings(library):
            if str(theme) not in found:
                found.append(str(theme))
    return found


def cmd_check(args: argparse.Namespace) -> int:
    from trainer.check import check_paths
    from trainer.render.theme import ThemeError, load_theme, theme_names

    themes = [args.theme] if args.theme else theme_names() + library_themes([Path(p) for p in args.paths])
    try:
        for theme in themes:
            load_theme(theme)
    except ThemeError as exc:
        _err(str(exc))
        return EXIT_USAGE if exc.unknown else EXIT_PROBLEMS
    guides, problems = check_paths([Path(p) for p in args.paths])
    # Every guide that loaded is measured too, whatever else is wrong with it: check says all of a guide's
    # problems at once (personal data in an image must not hide text that does not fit, or the editor
    # fixes one and meets the other only on the next run).
    for guide in guides:
        problems.extend(not_reported(measure_themes(guide, themes), problems))
    for problem in problems:
        _out(str(problem))
    failing = [p for p in problems if p.severity == ERROR or args.strict]
    if not args.quiet:
        errors = sum(p.severity == ERROR for p in problems)
        _err(
            say(
                "Đã kiểm tra {guides} hướng dẫn: {errors} lỗi, {warnings} cảnh báo",
                "{guides} guide(s) checked, {errors} error(s), {warnings} warning(s)",
                guides=len(guides),
                errors=errors,
                warnings=len(problems) - errors,
            )
        )
    return EXIT_PROBLEMS if failing else EXIT_OK


# -- export -----------------------------------------------------------------------------------------
def load_checked(path: Path, theme: str = "default", output_format: str | None = None):  # type: ignore[no-untyped-def]
    """Load a guide for export; print its errors and return None when it has any."""
    from trainer.check import check_folder

    guide, problems = check_folder(path)
    errors = [p for p in problems if p.severity == ERROR]
    if guide is not None:  # measured even when other errors refuse it: the refusal names everything to fix
        errors += [p for p in not_reported(fit_problems(guide, theme, output_format), errors) if p.severity == ERROR]
    for problem in errors:
        _err(str(problem))
    return None if errors else guide


def library_of(guide_dir: Path) -> Path:
    """The library a guide folder belongs to: the folder holding it."""
    return guide_dir.resolve().parent


def chosen_theme(given: str | None, library: Path) -> str:
    """The theme asked for, else the library's chosen branding (`<library>/library.toml`), else 'default'."""
    if given:
        return given
    from trainer.store.library_file import library_theme

    return library_theme(library)


def cmd_export(args: argparse.Namespace) -> int:
    from trainer.exporters import Cancelled, ExportError, get_exporter

    args.theme = chosen_theme(args.theme, library_of(Path(args.guide)))

    try:
        exporter = get_exporter(args.format)
    except KeyError as exc:
        _err(f"trainer export: {exc.args[0]}")
        return EXIT_USAGE
    if args.preset and args.preset not in exporter.presets:
        choices = ", ".join(exporter.presets) or say("không có", "none")
        _err(
            "trainer export: "
            + say(
                "dạng '{fmt}' không có kiểu '{preset}'; các kiểu: {choices}",
                "format '{fmt}' has no preset '{preset}'; presets: {choices}",
                fmt=args.format,
                preset=args.preset,
                choices=choices,
            )
        )
        return EXIT_USAGE
    try:
        values = option_values_from_text(exporter.Options, args.option or [])
    except ValueError as exc:
        _err(f"trainer export: {exc}")
        return EXIT_USAGE
    from trainer.render.theme import ThemeError, load_theme

    try:
        load_theme(args.theme)
    except ThemeError as exc:
        _err(str(exc))
        return EXIT_USAGE if exc.unknown else EXIT_PROBLEMS
    guide = load_checked(Path(args.guide), args.theme, args.format)
    if guide is None:
        return EXIT_PROBLEMS
    options = exporter.Options(theme=args.theme, preset=args.preset, **values)
    bar = _progress_bar(f"{guide.slug} {args.format}")
    try:
        written = exporter.export(guide, Path(args.out), options, progress=bar.update_to if bar else None)
    except ExportError as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except (Cancelled, KeyboardInterrupt):
        _err("trainer export: " + say("đã dừng, không ghi tệp nào", "cancelled, nothing written"))
        return EXIT_PROBLEMS
    finally:
        if bar:
            bar.close()
    for path in written:
        _out(str(path))
    return EXIT_OK


_TRUE, _FALSE = ("yes", "true", "on", "1", "có"), ("no", "false", "off", "0", "không")


def option_values_from_text(options_class: type, pairs: list[str]) -> dict[str, object]:
    """`NAME=VALUE` texts -> values of the format's own options (the fields the export dialog shows).

    ValueError with one plain line for an unknown name, a missing '=' or a value of the wrong kind.
    """
    import typing

    from trainer.exporters.base import own_option_fields

    hints = typing.get_type_hints(options_class)
    known = {f.name: f for f in own_option_fields(options_class)}
    values: dict[str, object] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in known:
            choices = ", ".join(f"{n}=..." for n in known) or say("không có", "none")
            raise ValueError(
                say(
                    "không có tùy chọn '{pair}'; các tùy chọn của dạng này: {choices}",
                    "unknown option '{pair}'; this format's options: {choices}",
                    pair=pair,
                    choices=choices,
                )
            )
        kind = hints.get(name, str)
        text = text.strip()
        if kind is bool:
            if text.lower() not in _TRUE + _FALSE:
                raise ValueError(
                    say(
                        "tùy chọn '{name}' nhận 'yes' hoặc 'no', không nhận '{text}'",
                        "option {name} takes yes or no, not '{text}'",
                        name=name,
                        text=text,
                    )
                )
            values[name] = text.lower() in _TRUE
        elif kind in (int, float):
            try:
                values[name] = kind(text)
            except ValueError:
                raise ValueError(
                    say(
                        "tùy chọn '{name}' nhận một số, không nhận '{text}'",
                        "option {name} takes a number, not '{text}'",
                        name=name,
                        text=text,
                    )
                ) from None
        else:
            values[name] = text
    return values


def _progress_bar(label: str):  # type: ignore[no-untyped-def]
    """A tqdm bar on an interactive terminal, None otherwise (so scripts get clean output)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar = tqdm(total=1000, desc=label, unit="‰", leave=False, file=sys.stderr)

    def update_to(fraction: float) -> None:
        bar.n = int(fraction * 1000)
        bar.refresh()

    bar.update_to = update_to  # type: ignore[attr-defined]
    return bar


# -- publish, verify, import ------------------------------------------------------------------------
def cmd_publish(args: argparse.Namespace) -> int:
    from trainer.publish import PublishError, publish
    from trainer.publish.progress import JsonLines, TerminalProgress

    formats = [f.strip() for f in args.formats.split(",") if f.strip()] if args.formats else None
    content = Path(args.content) if args.content else default_library()
    reporter = JsonLines() if args.json else TerminalProgress()
    theme = chosen_theme(args.theme, content)
    try:
        summary = publish(
            content, Path(args.out), formats=formats, jobs=args.jobs, theme=theme, force=args.force, on_event=reporter
        )
    except PublishError as exc:
        _err(f"trainer publish: {exc}")
        return EXIT_USAGE if exc.usage else EXIT_PROBLEMS
    return EXIT_OK if summary.ok else EXIT_PROBLEMS


def cmd_verify(args: argparse.Namespace) -> int:
    from trainer.publish import KitError, verify
    from trainer.publish.manifest import find_kits

    failed = False
    for kit in [k for given in args.kits for k in find_kits(Path(given))]:
        try:
            result = verify(Path(kit))
        except KitError as exc:
            _err(str(exc))
            failed = True
            continue
        for line in result.lines():
            _out(line)
        if result.ok:
            _out(f"{kit}: " + kit_ok_text(result))
        failed = failed or not result.ok
    return EXIT_PROBLEMS if failed else EXIT_OK


def kit_ok_text(result) -> str:  # type: ignore[no-untyped-def]
    """'OK (N files, slug version V)' for a kit that verified, in the message language."""
    m = result.manifest
    return say(
        "tốt ({n} tệp, '{slug}' phiên bản {version})",
        "OK ({n} files, {slug} version {version})",
        n=len(m["files"]),
        slug=m.get("slug"),
        version=m.get("version"),
    )


def cmd_import(args: argparse.Namespace) -> int:
    from trainer.importers import Cancelled, ImportFailed, ImportOptions, importer_for

    library = Path(args.library) if args.library else default_library()
    source = Path(args.source)
    options = ImportOptions(split=args.split, crop_bars=args.crop_bars, force=args.force)
    try:
        results = importer_for(source).import_into(source, library, None, options)
    except (ImportFailed, Cancelled) as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    for result in results:
        _out(result.message)
        for line in result.report():
            _out(f"  - {line}")
    return EXIT_OK


# -- app --------------------------------------------------------------------------------------------
def cmd_app(args: argparse.Namespace) -> int:
    from trainer.ui.app import run_app

    return run_app(Path(args.library) if args.library else None)


# -- present ----------------------------------------------------------------------------------------
def cmd_present(args: argparse.Namespace) -> int:
    from trainer.render.theme import ThemeError, load_theme

    args.theme = chosen_theme(args.theme, library_of(Path(args.guide)))

    try:
        load_theme(args.theme)
    except ThemeError as exc:
        _err(str(exc))
        return EXIT_USAGE if exc.unknown else EXIT_PROBLEMS
    from trainer.ui.app import make_app

    make_app()  # before the fit check, which would otherwise start a widget-less QGuiApplication
    guide = load_checked(Path(args.guide), args.theme)
    if guide is None:
        return EXIT_PROBLEMS
    from trainer.ui.presenter import ScreenError, run_presenter

    try:
        return run_presenter(guide, args.theme, args.screen, args.presenter_view)
    except ScreenError as exc:
        _err(f"trainer present: {exc}")
        return EXIT_USAGE


# -- parser -----------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command, its texts in the message language."""
    from trainer.cli_words import speak_argparse
    from trainer.exporters import formats

    speak_argparse()
    parser = argparse.ArgumentParser(
        prog="trainer",
        description=say(
            "Viết hướng dẫn từng bước một lần; xuất ra ảnh tóm tắt, video, tài liệu in, bài trình chiếu và trang web. "
            "Không ghi lệnh thì mở ứng dụng.",
            "Write a step-by-step guide once; publish it as infographic, clip, handout, slides and web page. "
            "Without a command, opens the desktop app.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"trainer {__version__}",
        help=say("hiện phiên bản rồi thoát", "show program's version number and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar=say("LỆNH", "COMMAND"))
    name, folder, guide_dir = say("TÊN", "NAME"), say("THƯ_MỤC", "DIR"), say("THƯ_MỤC_HƯỚNG_DẪN", "GUIDE_DIR")
    theme_help = say(
        "tên chủ đề hoặc tệp chủ đề (mặc định: chủ đề đã chọn cho thư viện, không có thì 'default')",
        "theme name or theme file (default: the library's chosen branding, else default)",
    )

    p = sub.add_parser(
        "app",
        help=say("mở ứng dụng", "open the desktop app"),
        description=say("Mở ứng dụng với một thư viện.", "Open the desktop app on a library folder."),
    )
    p.add_argument(
        "library",
        nargs="?",
        metavar=say("THƯ_VIỆN", "library"),
        help=say(
            "thư mục thư viện, thư mục hướng dẫn hoặc tệp 'guide.md' (mặc định: thư viện dùng lần trước, hoặc './content')",
            "library folder, guide folder or guide.md (default: the last library used, or ./content)",
        ),
    )
    p.set_defaults(func=cmd_app)

    p = sub.add_parser(
        "check",
        help=say("tìm lỗi trong hướng dẫn", "find problems in guides"),
        description=say(
            "Kiểm tra hướng dẫn hoặc cả thư viện; mỗi lỗi in một dòng 'tệp:dòng: lời nhắn'. "
            "Trả về 0 khi không có lỗi, 1 khi có lỗi.",
            "Check guides or whole libraries; prints one 'file:line: message' per problem. "
            "Exit 0 when clean, 1 when there are errors.",
        ),
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar=say("ĐƯỜNG_DẪN", "PATH"),
        help=say("thư mục hướng dẫn, tệp 'guide.md' hoặc thư mục thư viện", "guide folder, guide.md, or library folder"),
    )
    p.add_argument(
        "--theme",
        metavar=name,
        help=say(
            "chỉ đo chữ với chủ đề này (mặc định: mọi chủ đề có sẵn và của thư viện)",
            "measure text with this theme only (default: every built-in theme and the library's)",
        ),
    )
    p.add_argument(
        "--strict", action="store_true", help=say("cảnh báo cũng làm mã trả về là 1", "warnings also make the exit code 1")
    )
    p.add_argument("--quiet", action="store_true", help=say("không in dòng tổng kết", "no summary line"))
    p.set_defaults(func=cmd_check)

    known = ", ".join(f"'{f}'" for f in formats()) if language() == "vi" else ", ".join(formats())
    p = sub.add_parser(
        "export",
        help=say("xuất một dạng của một hướng dẫn", "make one output of one guide"),
        description=say(
            "Xuất một hướng dẫn ra một dạng. Tệp được đặt tên '<slug>-<format>[-<preset>].<ext>'; "
            "đường dẫn các tệp đã ghi được in ra. Các dạng: {known}.",
            "Export a guide to one format. Files are named <slug>-<format>[-<preset>].<ext>; "
            "the paths written are printed. Formats: {known}.",
            known=known,
        ),
    )
    p.add_argument("guide", metavar=guide_dir, help=say("thư mục hướng dẫn", "the guide folder"))
    p.add_argument(
        "--format", "-f", required=True, metavar=name, help=say("dạng xuất: {known}", "output format: {known}", known=known)
    )
    p.add_argument(
        "--preset",
        metavar=name,
        help=say(
            "kiểu của dạng xuất (ví dụ 'vertical' cho video); mặc định: tất cả",
            "format preset (e.g. vertical for clips); default: all",
        ),
    )
    p.add_argument("--theme", metavar=name, help=theme_help)
    p.add_argument("--out", "-o", required=True, metavar=folder, help=say("thư mục để ghi vào", "folder to write into"))
    p.add_argument(
        "--option",
        "-O",
        action="append",
        metavar=say("TÊN=GIÁ_TRỊ", "NAME=VALUE"),
        help=say(
            "tùy chọn riêng của một dạng, ghi được nhiều lần: ví dụ '-O draft_voice=yes' '-O music=audio/nhac.mp3' "
            "cho video, '-O jpeg=no' cho ảnh tóm tắt, '-O practice_slides=yes' cho bài trình chiếu",
            "a format's own option, repeatable: e.g. -O draft_voice=yes -O music=audio/nhac.mp3 for clips, "
            "-O jpeg=no for infographics, -O practice_slides=yes for pptx",
        ),
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "present",
        help=say("trình chiếu một hướng dẫn toàn màn hình (TV hoặc máy chiếu)", "present a guide full screen (TV or projector)"),
        description=say(
            "Trình chiếu một hướng dẫn toàn màn hình: tiêu đề, mỗi bước một trang, lúc dừng để thực hành, trang kết. "
            "Phím: Phải/Xuống/Cách/PgDn tới, Trái/Lên/PgUp lùi, Home/End, gõ số bước rồi Enter để mở bước đó, "
            "B màn hình đen, W màn hình trắng, P hoặc Tab màn hình người trình bày, T tạm dừng đồng hồ, Esc thoát.",
            "Present a guide full screen: title, one slide per step, practice pauses, closing slide. "
            "Keys: Right/Down/Space/PgDn next, Left/Up/PgUp back, Home/End, a step number then Enter to open that step, "
            "B black screen, W white screen, P or Tab presenter view, T pause timer, Esc leave.",
        ),
    )
    p.add_argument("guide", metavar=guide_dir, help=say("thư mục hướng dẫn", "the guide folder"))
    p.add_argument("--theme", metavar=name, help=theme_help)
    p.add_argument(
        "--screen",
        type=int,
        metavar="N",
        help=say(
            "màn hình chiếu, 1 là màn hình thứ nhất (mặc định: TV)",
            "screen for the slides, 1 = the first (default: the TV)",
        ),
    )
    p.add_argument(
        "--presenter-view",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=say(
            "hiện màn hình người trình bày (mặc định: có khi có màn hình thứ hai)",
            "show the presenter view (default: on a second screen when there is one)",
        ),
    )
    p.set_defaults(func=cmd_present)

    p = sub.add_parser(
        "publish",
        help=say("làm mọi dạng xuất và bộ tài liệu của một thư viện", "build every output and kit of a library"),
        description=say(
            "Xuất bản mọi hướng dẫn của một thư viện vào THƯ_MỤC: từng dạng xuất, một thư mục bộ tài liệu và tệp ZIP cho "
            "mỗi hướng dẫn (kèm 'manifest.json'), và trang 'index.html'. Chỉ làm lại phần đã thay đổi. "
            "Trả về 1 nếu có hướng dẫn hoặc tệp nào không làm được.",
            "Publish every guide of a library into DIR: each registered format, a kit folder and ZIP per guide "
            "(with manifest.json), and index.html. Only what changed is rebuilt. Exit 1 if any guide or output failed.",
        ),
    )
    p.add_argument(
        "content",
        nargs="?",
        metavar=say("THƯ_VIỆN", "CONTENT_DIR"),
        help=say("thư mục thư viện (mặc định: './content')", "library folder (default: ./content)"),
    )
    p.add_argument("--out", "-o", required=True, metavar=folder, help=say("thư mục xuất bản vào", "folder to publish into"))
    p.add_argument(
        "--formats",
        metavar="A,B",
        help=say("chỉ các dạng này (mặc định: tất cả: {known})", "only these formats (default: all: {known})", known=known),
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help=say("số tiến trình làm song song (mặc định: số nhân máy)", "worker processes (default: the number of cores)"),
    )
    p.add_argument("--theme", metavar=name, help=theme_help)
    p.add_argument(
        "--force",
        action="store_true",
        help=say("làm lại tất cả, kể cả phần không đổi", "rebuild everything, even what is unchanged"),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=say(
            "in tiến độ và kết quả thành các dòng JSON trên đầu ra chuẩn",
            "print progress and results as JSON lines on stdout",
        ),
    )
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser(
        "verify",
        help=say("kiểm tra một bộ tài liệu theo 'manifest.json'", "check a kit against its manifest"),
        description=say(
            "Kiểm tra tệp ZIP hoặc thư mục bộ tài liệu (hoặc một thư mục chứa nhiều bộ) theo 'manifest.json': "
            "báo tệp thiếu, tệp lạ và tệp hỏng. Trả về 1 nếu có bộ không đạt.",
            "Check kit ZIPs or folders (or a folder of kits) against their manifest.json: reports missing, "
            "extra and corrupted files. Exit 1 if any kit fails.",
        ),
    )
    p.add_argument(
        "kits",
        nargs="+",
        metavar=say("BỘ_TÀI_LIỆU", "KIT"),
        help=say(
            "tệp ZIP bộ tài liệu, thư mục bộ tài liệu, hoặc thư mục chứa nhiều bộ",
            "a kit .zip, a kit folder, or a folder of kits",
        ),
    )
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser(
        "import",
        help=say(
            "tạo bản nháp hướng dẫn từ ảnh chụp màn hình, Word, PowerPoint, PDF hoặc văn bản; nhận bộ tài liệu",
            "make draft guides from screenshots, Word, PowerPoint, PDF or text; add a received kit",
        ),
        description=say(
            "Tạo bản nháp hướng dẫn trong thư viện từ một thư mục ảnh chụp màn hình, tệp Word (.docx, .doc), "
            "OpenDocument (.odt), PowerPoint (.pptx, .ppt), PDF, Markdown hoặc văn bản (UTF-8/16, Windows-1258, TCVN3, "
            "VNI), rồi in ra những chỗ cần xem lại. Tệp ZIP bộ tài liệu thêm hướng dẫn nhận được một cách an toàn: "
            "bộ không an toàn hoặc bị hỏng bị từ chối, và hướng dẫn mới hơn trên máy không bị thay nếu không có "
            "'--force'. Không ghi gì khi nguồn bị từ chối.",
            "Create a draft guide in the library from a folder of screenshots, a Word (.docx, .doc), "
            "OpenDocument (.odt), PowerPoint (.pptx, .ppt), PDF, Markdown or text file (UTF-8/16, Windows-1258, TCVN3, "
            "VNI), and print what needs review. A kit ZIP adds the received guide safely: unsafe or damaged kits are "
            "refused and a newer local guide is never replaced without --force. Nothing is written when the source is "
            "refused.",
        ),
    )
    p.add_argument(
        "source",
        metavar=say("NGUỒN", "SOURCE"),
        help=say("một tệp, hoặc một thư mục ảnh chụp màn hình", "a file, or a folder of screenshots"),
    )
    p.add_argument(
        "--library",
        metavar=folder,
        help=say("thư mục thư viện (mặc định: './content')", "library folder (default: ./content)"),
    )
    p.add_argument(
        "--split",
        action="store_true",
        help=say("mỗi đề mục lớn một hướng dẫn (tài liệu dài)", "one guide per top-level heading (long documents)"),
    )
    p.add_argument(
        "--crop-bars",
        action="store_true",
        help=say(
            "ảnh chụp màn hình: cắt thanh trạng thái và thanh điều hướng của điện thoại",
            "screenshots: cut the phone's status and navigation bars",
        ),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=say(
            "bộ tài liệu: thay hướng dẫn trên máy kể cả khi nó mới hơn",
            "kits: replace the local guide even if it is newer",
        ),
    )
    p.set_defaults(func=cmd_import)
    return parser


def attach_console() -> None:
    """Windows, frozen app: let `Trainer.exe --version` typed in a terminal print there.

    The frozen Trainer.exe is a windowed program (no black console behind the app), so Windows gives
    it no console and Python sets sys.stdout and sys.stderr to None. Started from cmd or PowerShell,
    it attaches to that terminal's console instead. Streams the caller redirected to a file or a pipe
    (a script, the smoke test) are real files already and stay as they are.
    """
    if sys.platform != "win32" or not getattr(sys, "frozen", False):
        return
    if sys.stdout is not None and sys.stderr is not None:
        return
    import ctypes

    attach_parent_process = -1  # ATTACH_PARENT_PROCESS, (DWORD)-1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):  # type: ignore[attr-defined]
        return  # started from Explorer or a shortcut: no terminal to write to
    # "CONOUT$" opens the console itself; Python writes it as UTF-16, so Vietnamese shows right.
    if sys.stdout is None:
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")
    if sys.stderr is None:
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    attach_console()
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        argv = ["app"]
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except GuideError as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except OSError as exc:
        # A folder that cannot be written, a path too long for the file system, a file another
        # program holds open: one line naming the file, not a traceback.
        from trainer.store.atomic import write_error_message

        _err(write_error_message(exc))
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        _err("trainer: " + say("đã bị ngắt", "interrupted"))
        return EXIT_PROBLEMS
