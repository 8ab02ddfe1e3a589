"""Reading a site's files for the loader: bytes within their limits, decoded, parsed once (cached by
their bytes), a syntax error's echoes muted, a story's front matter split, a mapping checked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from ..fields import prose_fields
from ..problems import Location, Problems, unreadable
from ..values import MARKDOWN_MOST
from .cache import ParseCache, file_digest
from .decoding import decode, has_conflict, report_controls, sides
from .frontmatter import split_front_matter
from .mdbounds import markdown_problems
from .misplaced import empty_file, wrapped_record
from .pages import MAX_MARKDOWN_BYTES as MAX_STORY_BYTES
from .pages import PageScanning
from .yamlfile import Document, SourceMap, parse

# a 19 MB roster (390,000 people) took 2 min and 2 GB to check; 5 MB is some 15,000 members with every field
MAX_YAML_BYTES = 5 * 1024 * 1024
_ID_KEY = re.compile(r"(?:^|[\s{,\-])(id|branches|groups|members)\s*[:：]")  # a line that holds an id, or the list of them
_ID_VALUE = re.compile(r"\s*[\"'“‘]?([a-z0-9]+(?:-[a-z0-9]+)*)[\"'”’]?\s*(?:[,}#]|$)")
RECORD_LISTS = {"党员名单": "members", "年度承诺": "commitments", "考核结果": "results"}  # a file of these: the list under its key





class FileReading(PageScanning):
    def __init__(self, root: Path, docs_dir: Path, cache: ParseCache):
        self.root, self.docs_dir, self.cache = root, docs_dir, cache
        self.problems = Problems()
        self.sources: dict[str, str] = {}  # every file read: path as shown -> hash of its bytes
        self.page_addresses: dict[str, str] = {}  # free pages by the address they are published at
        self.misplaced: set[str] = set()  # folders named like a record folder, said once each
        self.unreadable_folders: set[str] = set()  # record folders that could not be listed (their mode)
        self.unpublished: Callable[[str], bool] = lambda page: False  # free pages mkdocs.yml leaves out (exclude_docs)

    def shown(self, path: Path) -> str:
        try:
            shown = path.relative_to(self.root).as_posix()
        except ValueError:
            shown = path.as_posix()
        return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # printable, whatever the name's bytes

    def raw(self, path: Path, limit: int) -> bytes | None:
        """The file's bytes, remembered by hash; None (with a problem) when it is too large."""
        shown = self.shown(path)
        try:
            size = path.stat().st_size
            if size > limit:
                self.problems.add(
                    Location(shown), "-", f"文件太大（{size / 1024:,.0f} KB），最多 {limit / 1024:,.0f} KB",
                    "把内容拆开，或检查是不是放错了文件",
                )
                return None
            raw = path.read_bytes()
        except OSError as error:  # its mode, a symlink to itself: said at the file (audit AS-U 1)
            self.problems.extend([unreadable(error, shown)])
            return None
        self.sources[shown] = file_digest(raw)
        if has_conflict(raw):  # read as one side (decode): what only the other side names is not missing
            self.problems.other_sides[shown] = sides(raw.decode("utf-8", "replace"))[1]
        return raw

    def read(self, path: Path, limit: int) -> str | None:
        raw = self.raw(path, limit)
        return None if raw is None else decode(raw, self.shown(path), self.problems)

    def document(self, path: Path) -> Document | None:
        raw, shown = self.raw(path, MAX_YAML_BYTES), self.shown(path)
        if raw is None:
            return None

        def parse_file(problems: Problems) -> Document | None:
            text = decode(raw, shown, problems)
            return None if text is None else parse(text, shown, problems)

        return self._muting(self.cache.cached(shown, self.sources[shown], self.problems, parse_file))

    def _muting(self, doc: Document | None) -> Document | None:
        """A document read past a syntax error: the records its lines set aside stand in say
        nothing more this run (a value read as empty is not the editor's mistake); in a file of
        one record, its other fields still say their own mistakes (audit 21)."""
        source = doc.source if doc is not None else None
        if source and source.set_aside:
            self.problems.recovered.add(source.path)
        for line in source.set_aside if source else ():
            lines = source.item_lines(line)
            if lines is None:  # a file's own field: that field, what is said of the whole record (its first line), and the
                lines = [line, 1]  # checks across records, unless the field is free text that none of them reads
                if source.field_on(line) not in prose_fields():
                    self.problems.read_past.add(source.path)
            self.problems.muted.update((source.path, at) for at in lines)
            self.problems.aside.add((source.path, line))
        if source:
            self.problems.muted.update((source.path, line) for line in source.said)
            self.problems.aside.update((source.path, line) for line in source.said)
        return doc

    def story(self, path: Path) -> tuple[bool, Document | None, str, int] | None:
        """Whether a story has front matter, the front matter parsed (None when unreadable), its body
        and the body's first line."""
        raw, shown = self.raw(path, MAX_STORY_BYTES), self.shown(path)
        if raw is None:
            return None

        def parse_story(problems: Problems) -> tuple[bool, Document | None, str, int] | None:
            text = decode(raw, shown, problems)
            if text is None:
                return None
            front, body, body_line = split_front_matter(text)
            report_controls(body, shown, problems, "body", body_line)
            if front is None:
                return False, None, body, body_line
            return True, parse(front, shown, problems, first_line=2), body, body_line

        read = self.cache.cached(shown, self.sources[shown], self.problems, parse_story)
        if read is not None:
            self._muting(read[1])
        return read

    def bound_markdown(self, text: Any, source: SourceMap, field: str, first_line: int = 0) -> bool:
        """Report Markdown that would stall or crash the renderer; True when there was any."""
        if not isinstance(text, str):
            return False
        too_long = bool(first_line) and len(text) > MARKDOWN_MOST  # a story's body or a free page; a field's type bounds its own
        if too_long:  # said where the limit is passed
            self.problems.add(Location(source.path, first_line + text.count("\n", 0, MARKDOWN_MOST), 1), field,
                              f"正文太长了：最多 {MARKDOWN_MOST} 个字符（现在 {len(text)} 个），从这一行起超出",
                              "手机要能打开这一页：删减一些文字，或者分成几篇")
        found = markdown_problems(text)
        for line, message, hint in found:
            if first_line:
                where = Location(source.path, first_line + line - 1, 1)
            else:  # a block scalar starts on the line after its key
                at = source.at(field)
                where = Location(at.path, at.line + line, 1) if at.line else at
            self.problems.add(where, field, message, hint)
        return bool(found) or too_long

    def mapping(self, doc: Document | None, what: str, model: type | None = None, home: str = "") -> dict | None:
        if doc is None:
            return None
        if model is not None and (wrapped := wrapped_record(doc.data, set(model.model_fields), what, home)):
            key, message, hint = wrapped
            self.problems.add(doc.source.at(*(() if key is None else (key,))), "-" if key is None else str(key), message, hint)
            return None
        if doc.data is None:  # nothing but blank lines and comments
            path = Path(doc.source.path) if Path(doc.source.path).is_absolute() else self.root / doc.source.path
            text = self.read(path, MAX_YAML_BYTES) or ""
            self.problems.add(doc.source.at(), "-", *empty_file(what, "#" in text))
            return None
        if not isinstance(doc.data, dict):
            hint = "参照内容格式里的示例"
            listed = RECORD_LISTS.get(what) if isinstance(doc.data, list) and doc.data and isinstance(doc.data[0], dict) else None
            if listed:  # members.yaml written as the list alone, without `members:` above it
                self.problems.add(doc.source.at(0), "-", f"文件内容应该是“字段: 值”的形式（{what}），这里只有一串“- ”",
                                  f"在第一个“- ”的上面加一行“{listed}:”（顶格），下面每一项的“- ”前面加两个空格")
                return None
            if isinstance(doc.data, str) and re.match(r"[^:：\n]*,[^:：\n]*,", doc.data):  # id,name,branch
                hint = ("这个文件像是从表格另存的 CSV（用逗号分开的几列），不是 YAML：每个字段写一行“字段: 值”，"
                        "可以运行 liangxiang new 生成一份带说明的模板，再把表格里的内容填进去")
            self.problems.add(doc.source.at(), "-", f"文件内容应该是“字段: 值”的形式（{what}）", hint)
            return None
        return doc.data

    def ids_set_aside(self, path: Path, doc: Document) -> list[tuple[str, int]] | None:
        """The ids on lines read as empty past a syntax error, as written there (`- id: "zhang-wei`);
        None when such a line held an id that cannot be made out: then a reference to an id not
        found may be the file's fault rather than its own typo."""
        if not doc.source.set_aside:
            return []
        text = decode(path.read_bytes(), self.shown(path), Problems()) or ""  # as parsed (its problems said already)
        lines, found = text.split("\n"), []
        for line in sorted(doc.source.set_aside):
            written = lines[line - 1] if 0 < line <= len(lines) else ""
            for key in _ID_KEY.finditer(written):
                if key.group(1) != "id":
                    continue  # `members:` set aside: the lines under it are too, and their ids are read there
                value = _ID_VALUE.match(written, key.end())
                if value is None:
                    return None
                found.append((value.group(1), line))
        return found

    # ------------------------------------------------------------------------------------
