"""The editing guide (content/guide.md, published at /guide/) shows real messages, and the site publishes it.

Every error line quoted in the guide is what `liangxiang validate` prints for one typical mistake
made on a copy of the example; when the wording of a message changes, this test says which line of
the guide to update.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, liangxiang, page_text

GUIDE = REPO / "content/guide.md"
QUOTED = re.compile(r"^> `((?:members\.yaml|content/)[^`]*:\d+:\d+: [^`]*)`$", re.M)

# mistake -> [(file, old, new)]; each replaces the first occurrence; "gbk" re-encodes members.yaml
MISTAKES = {
    "full-width colon": [("members.yaml", "    post: 站长\n", "    post： 站长\n")],
    "misspelt member id": [("content/zones/tongxin-guangchang.yaml", "leader: wang-jianguo", "leader: wang-jiangou")],
    "GBK file": "gbk",
    "tab": [("members.yaml", "    name: 张伟\n", "\tname: 张伟\n")],
    "colon in a value": [("content/assessments/2026-Q3.yaml", "note: 汛期绿地排水及时；", "note: 汛期绿地排水及时: ")],
    "private data": [("members.yaml", "    name: 张伟\n", "    name: 张伟\n    phone: 13812345678\n")],
    "misspelt field": [("members.yaml", "    post: 站长\n", "    pots: 站长\n")],
    "duplicate key": [("members.yaml", "    name: 张伟\n", "    name: 张伟\n    name: 张伟伟\n")],
    "missing field": [("content/zones/shiyou-xincun.yaml", "service_phone: 0317-2723318\n", "")],
    "blank field": [("content/zones/shiyou-xincun.yaml", "scope: 石油新村", "scope:\n#")],
    "list for text": [("content/zones/shiyou-xincun.yaml", "scope: 石油新村", "scope:\n  - 石油新村")],
    # an entry written without its "- " (the entries below it are set apart under a name of their own)
    "entry without a dash": [("content/commitments/2026.yaml", "commitments:\n", "commitments:\n  member: zhang-wei\n  promise: 带头服务\nentries:\n")],
    "date format": [("content/commitments/2026.yaml", "{date: 2026-03-20,", "{date: 2026/3/20,")],
    "id format": [("members.yaml", "  - id: zhang-wei\n", "  - id: Zhang Wei\n")],
    "file name and id": [("content/zones/shiyou-xincun.yaml", "id: shiyou-xincun", "id: shiyou-xin-cun")],
    "photo missing": [("members.yaml", "photo: photos/members/zhang-wei.jpg", "photo: photos/members/zhang-wei.JPG")],
    "two commitments": [("content/commitments/2026.yaml", "  - member: li-na\n", "  - member: zhang-wei\n")],
    "review not a grade": [("content/commitments/2025.yaml", "result: 优秀", "result: 良好")],
    "story category": [("content/stories/baoyu-ye.md", "category: 党员先锋", "category: 党员模范")],
    # a hidden member of its own: the example's hidden member must not appear on the site, the guide included
    "hidden member": [("members.yaml", "members:\n", "members:\n  - {id: zhao-min, name: 赵敏, branch: wuye-1, hidden: true}\n"),
                      ("content/stories/baoyu-ye.md", "members: [xu-guangming, sun-haitao]", "members: [xu-guangming, zhao-min]")],
    "group of another branch": [("members.yaml", "    branch: wuye-1\n    group: wuye-1-g1", "    branch: wuye-1\n    group: wuye-2-g1")],
    "period format": [("content/assessments/2026-Q3.yaml", "period: 2026-Q3", "period: 2026Q3")],
    "score range": [("content/assessments/2026-Q3.yaml", "score: 95.5", "score: 955")],
    "rare character": [("members.yaml", "    name: 张伟\n", "    name: 张𪚥\n")],
    "broken link": [("content/stories/baoyu-ye.md", "到了车库入口，徐光明班长", "到了车库入口，[徐光明](members/xu-guangmin/)班长")],
    "comment in a text": [("content/commitments/2026.yaml", "    promise: 办好一区老旧设施改造这件大事，让居民少跑腿、早受益\n",
                           "    promise: |\n      办好一区老旧设施改造这件大事，让居民少跑腿、早受益\n      # 备注：书记说这句再斟酌\n")],
    "full-width comment": [("members.yaml", "    post: 站长\n", "    post: 站长 ＃ 2027年起兼任楼栋管家\n")],
    "pasted bullets": [("content/zones/shiyou-xincun.yaml", "  - 每周巡查", "  • 每周巡查"), ("content/zones/shiyou-xincun.yaml", "  - 居民报修", "  • 居民报修")],
    "merge conflict": [("members.yaml", "    post: 站长\n", "<<<<<<< HEAD\n    post: 站长\n=======\n    post: 加油站站长\n>>>>>>> origin/main\n")],
    "group name for members": [("content/zones/shiyou-xincun.yaml", "members: [wu-dongmei, huang-lei, yang-fang, zhou-min, luo-jianping]", "members: [第一党小组]")],
    "zone under a key": lambda root: _indent_under(root / "content/zones/shiyou-xincun.yaml", "zone:"),
    # a new photo uploaded beside the old one to replace it, its name in capitals (audit AS-AG M1)
    "photo beside its case twin": lambda root: shutil.copy(root / "content/photos/members/li-na.jpg", root / "content/photos/members/Zhang-Wei.jpg"),
    "successor of an active zone": [("content/zones/shiyou-xincun.yaml", "id: shiyou-xincun\n", "id: shiyou-xincun\nsuccessor: tongxin-guangchang\n")],
}


def _indent_under(path: Path, key: str) -> None:
    """The whole file set under one key, as an editor who copied a record from a list does."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(key + "\n" + "".join(f"  {line}\n" if line else "\n" for line in lines), encoding="utf-8")


def copy_example(root: Path) -> Path:
    for name in ("mkdocs.yml", "members.yaml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    return root


def command(*args: str) -> tuple[int, list[str]]:
    said = liangxiang(*args)
    return said.returncode, (said.stdout + said.stderr).splitlines()


def messages(root: Path, mistake) -> list[str]:
    if mistake == "gbk":
        path = root / "members.yaml"
        path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    elif callable(mistake):
        mistake(root)
    else:
        for name, old, new in mistake:
            path = root / name
            text = path.read_text(encoding="utf-8")
            assert old in text, (name, old)
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, lines = command("validate", str(root))
    assert code == 1
    assert lines[-1].startswith("一共有 ") and "Traceback" not in "\n".join(lines)
    return [line for line in lines[:-1]]


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> dict[str, list[str]]:
    """What validate prints for each mistake, and what `liangxiang new zone` reports as blanks;
    on a machine with no font that has 𪚥 (the guide cannot quote a font of the reader's machine)."""
    from liangxiang.print import fontsearch

    result = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fontsearch, "FOLDERS", ())
        for name, mistake in MISTAKES.items():
            result[name] = messages(copy_example(tmp_path_factory.mktemp("broken")), mistake)
    root = copy_example(tmp_path_factory.mktemp("new-zone"))
    code, lines = command("new", "zone", "-C", str(root), "--name", "同心广场东区绿化优秀党员责任区", "--leader", "wang-jianguo")
    assert code == 0
    result["new zone"] = [line.strip() for line in lines if line.startswith("  content/")]
    return result


def test_every_quoted_message_is_real(produced):
    quoted = QUOTED.findall(GUIDE.read_text(encoding="utf-8"))
    assert len(quoted) >= 25
    real = {line for lines in produced.values() for line in lines}
    stale = [line for line in quoted if line not in real]
    assert not stale, "the guide quotes messages validate no longer prints:\n" + "\n".join(stale)


def test_every_typical_mistake_is_in_the_guide(produced):
    quoted = set(QUOTED.findall(GUIDE.read_text(encoding="utf-8")))
    missing = {name: lines for name, lines in produced.items() if not any(line in quoted for line in lines)}
    assert not missing, f"mistakes the guide does not show: {missing}"


def test_the_guide_is_plain_markdown():
    text = GUIDE.read_text(encoding="utf-8")
    outside_code = re.sub(r"```.*?```|`[^`\n]*`", "", text, flags=re.S)
    assert not re.search(r"<(?!https?://)[a-zA-Z/!]", outside_code), "raw HTML is shown as text on the site"
    for topic in ("添加一位党员", "修改承诺", "记录践诺", "公布考核结果", "aliases", "successor", "/print/", "常见错误"):
        assert topic in text, topic


def test_the_guide_is_published(example_site):
    text = page_text(example_site, "guide/")
    assert "编辑指南" in text and "liangxiang new member --name 张三" in text
    assert "找不到党员“wang-jiangou” (是不是要写 wang-jianguo（王建国）？)" in text
    raw = (example_site / "guide/index.html").read_text(encoding="utf-8")
    # the guide names the print page without linking it: a copy of the example with printables off still builds
    assert "网址 <code>/print/</code>" in raw and 'class="colophon-print"><a href="../print/"' in raw


def test_readme_points_to_the_guide():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "content/guide.md" in readme and "/guide/" in readme
