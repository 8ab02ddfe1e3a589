"""A record file's name is its zone id, year or period. When that field is wrong, its error says how
to write it; the file's name, wrong the same way (2026Q3.yaml saying period: 2026q3), is said in the
same run, not after the field is fixed."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..content import Content
from ..model import Zone
from ..problems import Problems
from ..values import ID_PATTERN, PERIOD_PATTERN

STEM_PATTERNS = {"id": ID_PATTERN, "year": r"[0-9]{4}", "period": PERIOD_PATTERN}
WHICH = {"id": "哪个责任区", "year": "哪一年", "period": "哪一期"}
ANOTHER = {"id": "个责任区", "year": "年", "period": "期"}
EXAMPLES = {"id": "tongxin-guangchang", "year": "2026", "period": "2026-Q1"}
# the end of a field's hint that writes it right; "写成 garden-2（garden 已经是 … 的编号）" too (AS-AG L3)
WRITTEN_AS = re.compile(r"写成 ([0-9A-Za-z-]+)(?:）|（[^（）]*）)?$")


def misnamed_files(content: Content, problems: Problems) -> None:
    """For each file whose naming field failed, a problem when its name would fail too, or would
    not match the value its field's error offers."""
    failed = [(rejected.source.at(*rejected.loc, "id"), "id") for rejected in content.rejected
              if rejected.model is Zone and not rejected.intact(rejected.loc + ("id",))]
    failed += [(year.at("year"), "year") for year in content.partial_commitments if year.year is None]
    failed += [(period.at("period"), "period") for period in content.partial_assessments if period.period is None]
    for where, field in failed:
        if where.path in problems.other_kind:
            continue  # a zone in commitments/ is to be moved, not renamed 2026.yaml
        file = PurePosixPath(where.path)
        offered = next((written.group(1) for problem in problems.items
                        if problem.where.path == where.path and problem.field == field
                        and (written := WRITTEN_AS.search(problem.hint))), None)
        if offered is not None and not re.fullmatch(STEM_PATTERNS[field], offered):
            offered = None
        if offered == file.stem or (offered is None and re.fullmatch(STEM_PATTERNS[field], file.stem)):
            continue  # the name is right, or is checked against the field once that is written right
        if re.fullmatch(STEM_PATTERNS[field], file.stem):  # 2026-Q4.yaml saying 2026年第三季度: which is meant is the editor's to say
            problems.add(where, field, f"{field} 写成 {offered} 的话，和文件名“{file.name}”不同",
                         f"两者必须相同：是{WHICH[field]}，{field} 和文件名就都写成它")
        elif offered and (content.root / file.with_name(f"{offered}{file.suffix}")).exists():  # 2026Q1.yaml beside 2026-Q1.yaml
            problems.add(where, field, f"文件名“{file.name}”也要改，但 {offered}{file.suffix} 已经有了",
                         f"如果这是另一{ANOTHER[field]}，{field} 和文件名都改成它；如果是 {offered}{file.suffix} 的副本，删掉这个文件")
        elif offered:
            problems.add(where, field, f"文件名“{file.name}”也要改：{field} 改好以后，文件名要和它相同", f"把文件改名为 {offered}{file.suffix}")
        else:
            problems.add(where, field, f"文件名“{file.name}”也要改：文件名要和 {field} 相同",
                         f"{field} 改好以后，把文件改名为同样的写法，例如 {EXAMPLES[field]}{file.suffix}")
