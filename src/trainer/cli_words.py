"""argparse's own words ("usage:", "options", its errors) in the message language of the command line.

argparse asks gettext for every word it prints; `speak_argparse()` points it at this table instead,
so `trainer --help` and a usage error read in Vietnamese under TRAINER_LANG=vi (or a Vietnamese
system) and stay as argparse wrote them in English.
"""

from __future__ import annotations

import argparse

from trainer.store.problems import language

# argparse's message ids (Python 3.11-3.13) -> Vietnamese. %-fields are kept; unused fields are dropped.
ARGPARSE_VI: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "hiện phần trợ giúp này rồi thoát",
    "show program's version number and exit": "hiện phiên bản của chương trình rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "còn thiếu: %s",
    "unrecognized arguments: %s": "không hiểu các tham số: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không có: %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng được cùng %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (có: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "subcommands": "lệnh",
}


def argparse_text(message: str) -> str:
    """One of argparse's words in the message language (unchanged in English or when not in the table)."""
    if language() != "vi":
        return message
    return ARGPARSE_VI.get(message, message)


def argparse_plural(singular: str, plural: str, n: int) -> str:
    """argparse's ngettext: the right English form, then its Vietnamese."""
    return argparse_text(singular if n == 1 else plural)


def speak_argparse() -> None:
    """Make argparse print its words through argparse_text from now on (it looks `_` up on every use)."""
    argparse._ = argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = argparse_plural  # type: ignore[attr-defined]
