"""Where an editor's file went: a record folder under another name, a page in a record folder, a
file one folder off, a folder where a file should be, a file with nothing in it."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Collection
from pathlib import Path

from ..content import RECORD_FOLDERS

# a record folder as editors may name it: another case, the singular, a near spelling, Chinese
FOLDER_WORDS = {"zones": "责任区", "commitments": "年度承诺", "assessments": "考核结果", "stories": "故事"}
FOLDERS_IN_CHINESE = {"责任区": "zones", "党员责任区": "zones", "承诺": "commitments", "年度承诺": "commitments",
                      "考核": "assessments", "考核结果": "assessments", "故事": "stories", "典型": "stories", "典型选树": "stories"}
FOLDERS_IN_ONE = {"zone": "zones", "commitment": "commitments", "assessment": "assessments", "story": "stories"}
_STORY_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---\s*\n(?:.*\n)*?\s*(?:date|featured|members|zones|summary)\s*:", re.M)


def record_folder_meant(name: str) -> str | None:
    """The record folder a folder of docs_dir was meant to be (None when it is another folder)."""
    plain = name.strip().lower()  # Zones/
    if meant := FOLDERS_IN_CHINESE.get(plain) or FOLDERS_IN_ONE.get(plain) or (plain if plain in RECORD_FOLDERS else None):
        return meant
    close = difflib.get_close_matches(plain, RECORD_FOLDERS, n=1, cutoff=0.8)  # assesments/
    return close[0] if close else None


def page_in_reserved_place(relative: Path, text: str | None) -> tuple[str, str]:
    """(message, hint) for a Markdown page whose address a generated page holds: in a record
    folder (a story saved in zones/, a README) it is the folder that is wrong, not the name."""
    top, stem = relative.parts[0], relative.with_suffix("").parts[0]
    if len(relative.parts) > 1 and top in FOLDER_WORDS:
        if text is not None and _STORY_FRONT_MATTER.match(text):
            return f"{top}/ 文件夹里只放{FOLDER_WORDS[top]}记录（.yaml），这个文件像是一篇典型选树的故事", "故事放在 content/stories/ 里：把这个文件移过去"
        return (f"{top}/ 文件夹里只放{FOLDER_WORDS[top]}记录（.yaml），不能放页面（.md）",
                "故事放在 content/stories/；要公开的说明页放在 content/ 下面；只给编辑看的说明放到 content/ 外面")
    return f"“{stem}”是系统生成页面的网址，自由页面不能占用", "给这个页面换一个文件名"


def missing_file(path: Path, root: Path, docs_dir: Path, otherwise: str) -> tuple[str, str]:
    """(message, hint) for a required file that is not there: a folder under its name, members.yml
    or Members.yaml beside it, the same name one folder off (org.yaml beside mkdocs.yml), or nowhere."""
    if path.is_dir():
        inside = sorted(p.name for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        found = f"里面有 {'、'.join(inside[:3])}：" if inside else ""
        return f"{path.name} 是一个文件夹，不是文件", f"{found}把文件本身放在 {_shown(path, root)}，删掉这个文件夹"
    wanted = path.name.lower()
    alike = {wanted, path.stem.lower() + ".yml", path.stem.lower() + ".yaml.yaml"}
    near = sorted(p.name for p in path.parent.glob("*") if p.is_file() and p.name != path.name
                  and (p.name.lower() in alike or p.name.lower().startswith(wanted + ".")))
    if near:
        return f"找不到 {path.name}", f"旁边有 {near[0]}：把它改名为 {path.name}（文件名全部小写，扩展名是 .yaml）"
    # one folder off, or in a folder of records (content/zones/org.yaml, dragged one row too far)
    for folder in sorted({root, docs_dir, path.parent.parent, *(docs_dir / name for name in RECORD_FOLDERS)} - {path.parent}):
        if (folder / path.name).is_file():
            where = "mkdocs.yml 旁边" if folder == root else f"{_shown(folder, root)}/ 里"
            to = "mkdocs.yml 旁边（仓库最上层）" if path.parent == root else _shown(path, root)
            return f"{path.name} 放错了文件夹：它在 {where}", f"把它移到 {to}"
    return f"找不到 {path.name}", otherwise


def file_elsewhere(name: str, wanted: Path, root: Path, docs_dir: Path, others: Collection[str] = ()) -> str:
    """The hint for a photo or file not where it is written: the same file name elsewhere in the
    site (another folder of photos/, or outside docs_dir, where it would never be published).
    ``others``: the other image paths written in the content."""
    other = _find(root, name, wanted)
    if other is None:
        return ""
    if other.is_relative_to(docs_dir):
        written = other.relative_to(docs_dir).as_posix()
        meant = wanted.relative_to(docs_dir).as_posix() if wanted.is_relative_to(docs_dir) else ""
        folder = written.rsplit("/", 1)[0] + "/"
        if written.lower() == meant.lower() and any(path.startswith(folder) for path in others):
            # other paths name the folder as it is spelt: renaming it would break them (audit AM 2)
            return f"文件在 content/{written}，文件夹名的大小写和这里写的不同，网站服务器区分大小写，会找不到：写成 {written}"
        if written.lower() == meant.lower() and (renamed := _folders_to_rename(docs_dir, written, meant)):
            # Photos/ for photos/: found on Windows, not on the server; the folders renamed fix every path
            said = "，再把 ".join(f"content/{have} 改名为 {want}" for have, want in renamed)
            return (f"文件在 content/{written}，文件夹名的大小写和这里写的不同，网站服务器区分大小写，会找不到："
                    f"把文件夹 {said}（改好以后，这样写的路径就都对了）")
        return f"同名的文件在 {_shown(other, root)}：写成 {written}，或者把文件移到 {_shown(wanted, root)}"
    return (f"同名的文件在 {_shown(other, root)}，在 {docs_dir.name}/ 外面，网站读不到："
            f"把它移到 {_shown(wanted, root)}")


def _folders_to_rename(docs_dir: Path, written: str, meant: str) -> list[tuple[str, str]]:
    """The folders on the way to a file whose names differ from the path's only in case, as
    (folder as it is, folder as written), when each can be renamed: none of the written name is
    there already (photos/ beside Photos/ would take Photos/ inside it)."""
    if written.rsplit("/", 1)[-1] != meant.rsplit("/", 1)[-1]:
        return []  # Photos/Logo.png: the file's own name differs too
    renamed, have_parts, want_parts = [], written.split("/")[:-1], meant.split("/")[:-1]
    for depth, (have, want) in enumerate(zip(have_parts, want_parts)):
        if have != want:
            parent = docs_dir.joinpath(*have_parts[:depth])
            if any(child.name == want for child in parent.iterdir()):
                return []
            renamed.append(("/".join(want_parts[:depth] + [have]), want))  # each after those above it are renamed
    return renamed


# files a host reads at the site's top, public by nature: GitHub and GitLab Pages' custom domain, crawlers' rules
PUBLISHED_AS_IS = ("CNAME", "robots.txt")


def foreign_file(relative: Path) -> tuple[str, str]:
    """(message, hint) for a file of no content kind in docs_dir, which MkDocs would publish as it
    is: a roster spreadsheet or notes would reach the open internet."""
    if relative.suffix.lower() in (".css", ".js"):
        key = "extra_css" if relative.suffix.lower() == ".css" else "extra_javascript"
        return (f"content/ 里不放样式表和脚本（{relative.name}）",
                f"放到主题的 custom_dir 里：在 mkdocs.yml 的 theme 下加一行 custom_dir: overrides，把文件移到 "
                f"overrides/{relative.as_posix()}，{key} 照旧写 {relative.as_posix()}")
    if relative.name.lower() == "favicon.ico":
        return ("content/ 里不放网站图标（favicon.ico）",
                "网站图标用单位的标志：在 content/org.yaml 里写 logo: photos/logo.png（PNG 或 JPG），每个页面都会用它；然后删掉这个文件")
    return ("content/ 里不能放这种文件：它会原样发布到网站上",
            "content/ 只放记录（.yaml）、故事和页面（.md）和照片；名单、表格、文档等资料请移出 content/")


def empty_file(what: str, comments_only: bool) -> tuple[str, str]:
    """(message, hint) for a record file with nothing but blanks or comments in it."""
    said = "只有注释（以 # 开头的行），没有内容" if comments_only else "是空的"
    if what in REQUIRED_FIELDS:  # org.yaml and members.yaml: a site has them
        return (f"这个{what}文件{said}", f"这个文件不能少：照内容格式里的示例写上字段，至少要有 {REQUIRED_FIELDS[what]}")
    return (f"这个{what}文件{said}", "照内容格式里的示例写上字段；不用这个文件就删掉它")


REQUIRED_FIELDS = {"单位信息": "name、activity 和 branches", "党员名单": "members（每名党员写 id、name、branch）"}


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _find(root: Path, name: str, besides: Path) -> Path | None:
    """The first file called name under root (in sorted order), not besides, outside hidden
    folders and the built site; None. Bounded: this runs only for a file not found."""
    seen = 0
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in ("site", "node_modules"))
        if name in files and (found := Path(folder) / name) != besides:
            return found
        seen += len(files)
        if seen > 50_000:
            break
    return None


def unwrapped(data: object) -> tuple[object, list[dict]]:
    """(the key, the mappings) of a file written as one key over its records, or as a list of them."""
    key = None
    if isinstance(data, dict) and len(data) == 1:
        key, data = next(iter(data.items()))
    return key, [item for item in (data if isinstance(data, list) else [data]) if isinstance(item, dict)]


def wrapped_record(data: object, fields: set[str], what: str, home: str) -> tuple[str | None, str, str] | None:
    """(key, message, hint) for a file whose record is written inside a key or a list (`zones:`
    and a zone or several under it, `- id: …`): one error, not one per field it seems to lack."""
    if not (isinstance(data, list) or (isinstance(data, dict) and len(data) == 1 and str(next(iter(data))) not in fields)):
        return None
    key, items = unwrapped(data)
    listed = isinstance(data, list) or isinstance(data.get(key), list)
    records = [item for item in items if len(fields & set(map(str, item))) >= 2]
    if not records:
        return None
    unwrap = "删掉" + "和".join(([f"“{key}:”这一行"] if key is not None else []) + (["开头的“- ”"] if listed else []))
    if len(records) > 1:
        return (key, f"一个文件只写一个{what}，这里写了 {len(records)} 个",
                f"每个{what}存成单独的文件 {home}编号.yaml（文件名就是它的 id），{unwrap}，字段顶格写")
    where = f"写在“{key}:”下面" if key is not None else "写成了列表的一项"
    return key, f"{what}的字段{where}", f"{unwrap}，把字段顶格写（每行开头不留空格），参照内容格式里的示例"
