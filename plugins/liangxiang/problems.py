"""What goes wrong in content, said so that an editor can fix it."""

from __future__ import annotations

import difflib
import errno
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable


# read as a line, not as YAML: a mkdocs.yml with !ENV is no plain YAML (configwords.written_setting gives up on it)
_INHERIT = re.compile(r"""INHERIT\s*:\s*["']?([^"'#]+?)["']?\s*(?:#.*)?$""")


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; line and column count from 1."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        # a mistake of the whole file (its name, its encoding, where it lies) is said at its start:
        # every message reads path:line:col, as the format promises and editors' tools jump to; a
        # folder (content/zones/, a record deleted from it) has no lines
        if not self.line and self.path.endswith("/"):
            return self.path
        return f"{self.path}:{self.line or 1}:{self.col or 1}"

    @classmethod
    def of_setting(cls, config_file: Path, key: str, _root: Path | None = None, _depth: int = 0) -> "Location":
        """Where mkdocs.yml sets key (its first line that does, top-level or under plugins), else
        where the file it INHERITs sets it (audit AS-AD: a script loaded there was said at
        mkdocs.yml:1); the file alone when none does."""
        root = _root or config_file.parent
        shown = config_file.name if _root is None else Path(os.path.relpath(config_file, root)).as_posix()
        try:
            lines = config_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        for number, text in enumerate(lines, 1):
            if (found := re.match(rf"(\s*(?:-\s*)?){re.escape(key)}\s*:", text)) is not None:
                return cls(shown, number, len(found.group(1)) + 1)
        inherited = next((found.group(1) for text in lines if (found := _INHERIT.match(text))), None)
        if inherited and (base := config_file.parent / inherited).is_file() and _depth < 8:  # (files may inherit in a circle)
            at = cls.of_setting(base, key, root, _depth + 1)
            if at.line:
                return at
        return cls(shown)


@dataclass(frozen=True, order=True)
class Problem:
    """One error in content: where, which field, what is wrong and how to fix it."""

    where: Location
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        # a problem of the whole file or line (field "-"), as an encoding or a tab, names no field
        text = f"{self.where}: {self.message}" if self.field in ("", "-") else f"{self.where}: {self.field}: {self.message}"
        return _shown(f"{text} ({self.hint})" if self.hint else text)


# a message quotes what the editor wrote: a line break or a terminal escape in it would break the
# one line a problem takes, or the terminal, so they are shown by their code; so are characters
# that show as nothing (a zero-width space pasted from WeChat): "li-na" and "li<U+200B>-na" differ
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def _shown(text: str) -> str:
    return _UNPRINTABLE.sub(lambda c: "↵" if c.group() == "\n" else f"<U+{ord(c.group()):04X}>", text)


@dataclass
class Problems:
    """Collects every problem of a run, so that one run reports them all."""

    items: list[Problem] = field(default_factory=list)
    # the records (their lines; line 0: the whole file) read past a syntax error in them: what
    # is found there then may be its echo, and is said once the syntax error is fixed
    muted: set[tuple[str, int]] = field(default_factory=set)
    # of those, the lines set aside: a field's own mistake elsewhere in such a record (joined:
    # ２００９ beside an honour in full-width braces) does not hang on them, and is said (audit AS-Q 1)
    aside: set[tuple[str, int]] = field(default_factory=set)
    # files whose own field was read past a syntax error: their other fields' mistakes are said,
    # but not what the checks across records find there (it may hang on the field set aside)
    read_past: set[str] = field(default_factory=set)
    # files read past a syntax error: their notices wait until it is fixed (what is set aside may
    # be what a notice misses: 16 commitments under a stray "---" were told missing, audit AM 6)
    recovered: set[str] = field(default_factory=set)
    # files that hold a record of another kind (a zone in commitments/), and that kind: their name is
    # not checked against a field they do not have; they are to be moved, not renamed
    other_kind: dict[str, str] = field(default_factory=dict)
    # files with git's conflict markers, read as the side before "=======": the other side's text
    other_sides: dict[str, str] = field(default_factory=dict)

    def checks_begin(self) -> None:
        self.muted.update((path, 0) for path in self.read_past)

    def add(self, where: Location, field: str, message: str, hint: str = "", own: bool = False) -> None:
        """own: a mistake in the value written at where alone (its type, its form), which no line
        set aside can have caused."""
        if own and (where.path, where.line) not in self.aside:
            self.items.append(Problem(where, field, message, hint))
        elif not self.muted or ((where.path, where.line) not in self.muted and (where.path, 0) not in self.muted):
            self.items.append(Problem(where, field, message, hint))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(set(self.items))  # as many as are shown

    def __iter__(self):
        return iter(self.sorted())

    def sorted(self) -> list[Problem]:
        # at one place, in the order found: a field's own error before what follows from it
        return sorted(dict.fromkeys(self.items), key=lambda p: (_file_rank(p.where.path), p.where.path, p.where.line, p.where.col, p.field))


# files that define what others name come first: a misspelt id in members.yaml is read before
# the errors it causes in the zones that name the member as written, and org.yaml before both
# (a misspelt groups: in it made every member of the branch an error, said first)
_SOURCE_ORDER = ("org", "members", "zones", "commitments", "assessments", "stories", "pages")


def _file_rank(path: str) -> int:
    from .content import source_kind  # which kind of record a file holds, by where it stands

    return -1 if path.endswith(".yml") and "/" not in path else _SOURCE_ORDER.index(source_kind(path))


class ContentError(Exception):
    """Raised by a stage when content has problems; carries all of them."""

    def __init__(self, problems: Problems, notices: list | None = None):
        self.problems = problems
        self.notices = sorted(notices or [])  # said too: the next run need not be the first to show them
        super().__init__(summary(problems))


def summary(problems: Problems) -> str:
    return f"一共有 {len(problems)} 处错误，站点未生成。请按上面的文件和行号逐条修改。"


# characters that look alike or are typed by mistake in ids: l and 1, O and 0, full-width forms, "_" for "-",
# and the Cyrillic letters drawn like Latin ones (pasted from elsewhere)
_LOOKALIKE = str.maketrans({"l": "1", "i": "1", "o": "0", "_": "-", " ": "-", "－": "-", "—": "-",
                            **dict(zip("аеорсухіјѕԁһ", "ae0pcyx1jsdh"))})


def plain(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower().translate(_LOOKALIKE)


def dotted(loc: tuple) -> str:
    """A key path as editors read it, counting entries from 1 as people do: members[4].honors[1].year."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "-"


def shortened(text: str, most: int = 20) -> str:
    """Text quoted in a message, cut to ``most`` characters."""
    return text if len(text) <= most else text[: most - 1] + "…"


def closest(word: object, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice closest to word, or None when none is close."""
    if not isinstance(word, str):
        return None
    choices = list(choices)
    alike = [choice for choice in choices if plain(choice) == plain(word)]  # wuye-l -> wuye-1, Li-Na -> li-na
    close = alike or difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: object, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """A hint naming the closest choice, or nothing when none is close."""
    return f"是不是要写 {close}？" if (close := closest(word, choices, cutoff)) is not None else ""


def case_only_rename(old: str, new: str) -> str:
    """How to rename a file whose name differs from the one wanted only in case: git on Windows
    (core.ignorecase) does not see such a rename made in Explorer, and the server still lacks it."""
    return f"只改大小写的改名，Windows 上的 git 看不出来：用 git mv {old} {new}"


def unreadable(error: OSError, shown: str) -> Problem:
    """A file or folder the building user cannot open (its mode 000, a symlink that loops, a disk
    error): said at the file, as every other mistake, not as Python's PermissionError."""
    why, hint = unreadable_words(error, shown)
    return Problem(Location(shown), "-", f"读不了这个{'文件夹' if shown.endswith('/') else '文件'}：{why}", hint)


def unreadable_words(error: OSError, shown: str) -> tuple[str, str]:
    """(why, what to do) for a file that cannot be opened."""
    if isinstance(error, PermissionError):
        mode = f"chmod -R a+rX {shown.rstrip('/')}" if shown.endswith("/") else f"chmod a+r {shown}"
        return "没有读取权限", f"让生成网站的用户能读它（例如 {mode}），或从 git 重新取出：git checkout -- {shown}"
    if error.errno == errno.ELOOP:
        return "这个符号链接最终指向了它自己", "删掉这个链接，放进真正的文件"
    return error.strerror or type(error).__name__, f"检查它能不能打开；或从 git 重新取出：git checkout -- {shown}"


def file_error(error: OSError, root: Path) -> str:
    """A file the build could not read or write, outside what the checks open themselves (site_dir
    in a folder not writable, a cache folder of another user's): one line, not a traceback."""
    name = Path(error.filename) if error.filename else None
    folder = name is not None and name.is_dir()
    if name is not None and name.is_absolute() and name.is_relative_to(root):
        name = name.relative_to(root)
    shown = (name.as_posix().rstrip("/") + ("/" if folder else "")) if name is not None else "-"
    why, hint = unreadable_words(error, shown)
    if isinstance(error, PermissionError):
        why, hint = "没有权限", f"让生成网站的用户能读写它（例如 chmod -R u+rwX {shown.rstrip('/')}），或换一个文件夹"
    return f"{Location(shown)}: 读写不了这个{'文件夹' if folder else '文件'}：{why} ({hint})"
