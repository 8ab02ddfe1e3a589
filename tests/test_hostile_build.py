"""Hostile input, the build: nothing is lost or overwritten, and building never crashes.

A build writes only its site_dir and its cache dir, never the source tree (hashed before and
after, for good and bad content alike), and a failed build (a content error, a printable that
cannot be laid out) leaves the previous site exactly as it was. Generated records, built end to
end, give a site or a clean Abort whose errors name file and line, never another exception.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_site
from minimal_site import FILES, write_site


def digest(root: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """path -> sha256 of every file (and symlink, and empty directory) under root, except the top-level names in skip."""
    out = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in skip:
            continue
        if path.is_symlink():
            out[relative.as_posix()] = "link:" + str(path.readlink())
        elif path.is_file():
            out[relative.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir() and not any(path.iterdir()):
            out[relative.as_posix() + "/"] = "empty dir"
    return out


def _mkdocs_yml(printables: bool = True) -> str:
    if printables:
        return FILES["mkdocs.yml"]
    return FILES["mkdocs.yml"].replace("  - liangxiang\n", "  - liangxiang:\n      printables: false\n")


# fits at no size: content that only misses the legible size is printed smaller (print/fitting.py)
OVERFLOW = FILES["content/zones/garden.yaml"].replace(
    "duties:\n  - 浇水\n", "duties:\n" + "".join(f"  - 第{i}条职责：{'认真负责地巡查、养护、记录并及时向群众反馈处理结果' * 3}\n" for i in range(80)),
) + "signboard: {size: A4}\n"
CONTENT_ERROR = FILES["members.yaml"].replace("branch: b1", "branch: b9", 1)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A site root inside an enclosure, run from an unrelated working directory."""
    enclosure = tmp_path / "enclosure"
    root = write_site(enclosure / "site-root")
    (enclosure / "neighbour.txt").write_text("not the build's")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return root


def _build(root: Path):
    return build_site(root / "mkdocs.yml", root / "site")


def test_good_build_writes_only_site_and_cache(tree):
    enclosure, elsewhere = tree.parent, Path.cwd()
    before, around = digest(tree), digest(enclosure, skip=(tree.name,))
    _build(tree)
    assert digest(tree, skip=("site", ".cache")) == before, "the build changed the source tree"
    assert sorted(p.name for p in tree.iterdir()) == sorted({*(p.split("/")[0] for p in before), "site", ".cache"})
    assert digest(enclosure, skip=(tree.name,)) == around and not any(elsewhere.iterdir())
    assert (tree / "site/print/plates/all.pdf").is_file() and any((tree / ".cache").rglob("*"))


@pytest.mark.parametrize("bad", ["content error", "printable overflow", "unknown key", "broken yaml"])
def test_failed_build_keeps_the_previous_site_and_the_sources(tree, bad, caplog):
    from mkdocs.exceptions import Abort

    _build(tree)
    site = digest(tree / "site")
    assert len(site) > 20
    file, text = {
        "content error": ("members.yaml", CONTENT_ERROR),
        "printable overflow": ("content/zones/garden.yaml", OVERFLOW),
        "unknown key": ("content/org.yaml", FILES["content/org.yaml"] + "secret: x\n"),
        "broken yaml": ("content/commitments/2026.yaml", FILES["content/commitments/2026.yaml"].replace("promise: 热情服务", "promise: [热情服务")),
    }[bad]
    (tree / file).write_text(text, encoding="utf-8")
    sources = digest(tree, skip=("site", ".cache"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _build(tree)
    assert any(r.getMessage().startswith(file + ":") for r in caplog.records), caplog.text
    assert digest(tree / "site") == site, "the failed build changed the previous site"
    assert digest(tree, skip=("site", ".cache")) == sources
    assert sorted(p.name for p in tree.iterdir()) == sorted({*(p.split("/")[0] for p in sources), "site", ".cache"})


def test_overflow_is_reported_with_file_and_line(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": OVERFLOW})
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert any(re.match(r"content/zones/garden\.yaml:\d+:", r.getMessage()) for r in caplog.records), caplog.text
    assert not (tmp_path / "site").exists()


# Found: a Markdown image that is not a photo under content/ was refused with a warning while
# pages were rendered, so a strict build failed after it had replaced the previous site. Images in
# Markdown are now checked with the content, before site_dir is touched.
@pytest.mark.parametrize("where", ["content/stories/a-key.md", "content/about.md", "content/zones/garden.yaml", "content/org.yaml"])
def test_refused_markdown_image_keeps_the_previous_site(tree, caplog, where):
    from mkdocs.exceptions import Abort

    _build(tree)
    site = digest(tree / "site")
    image = "![照片](photos/missing.jpg)"
    text = {
        "content/stories/a-key.md": FILES["content/stories/a-key.md"].replace("故事正文。", "故事正文。\n\n" + image),
        "content/about.md": FILES["content/about.md"] + "\n" + image + "\n",
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"] + "content: |\n  正文\n\n  " + image + "\n",
        "content/org.yaml": FILES["content/org.yaml"] + "intro: |\n  正文\n\n  " + image + "\n",
    }[where]
    (tree / where).write_text(text, encoding="utf-8")
    line = text.split("\n").index(next(l for l in text.split("\n") if image in l)) + 1
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _build(tree)
    assert any(r.getMessage().startswith(f"{where}:{line}:") and "photos/missing.jpg" in r.getMessage()
               for r in caplog.records), (line, caplog.text)
    assert digest(tree / "site") == site, "the failed build changed the previous site"


# ---------------------------------------------------------------------------------------------
# Generated records, built end to end

# mostly valid records (odd but legal text), and one spoilt value in some examples: a build must
# give a site or a clean Abort either way
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12).filter(str.strip),
    st.sampled_from(["张伟", "<b>x</b>", "{{ 7*7 }}", "：", "😀", "Ｚｈａｎｇ", "a\u0301", "'\"", "优秀", "[x](javascript:y)"]),
    st.sampled_from(["长", "ab", "👨‍👩‍👧"]).map(lambda s: s * 300),
)
MEMBER = st.sampled_from(["zhang-wei", "li-na"])
DATE = st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2030, 12, 31)).map(str)


def _member():
    return st.fixed_dictionaries({"id": st.sampled_from(["m1", "m2", "m3"]), "name": TEXT, "branch": st.sampled_from(["b1", "b2"])}, optional={
        "department": TEXT, "post": TEXT, "title": TEXT, "joined": st.integers(1950, 2026), "tags": st.lists(TEXT, max_size=3),
        "hidden": st.booleans(), "status": st.sampled_from(["active", "former"]),
        "honors": st.lists(st.fixed_dictionaries({"year": st.integers(1990, 2030), "title": TEXT}, optional={"by": TEXT}), max_size=2),
    })


def _zone():
    return st.fixed_dictionaries({
        "id": st.just("garden"), "name": TEXT, "branch": st.sampled_from(["b1", "b2"]), "scope": TEXT,
        "duties": st.lists(TEXT, min_size=1, max_size=4), "leader": MEMBER, "service_phone": st.just("0317-2720001"),
    }, optional={
        "short_name": TEXT, "location": TEXT, "content": TEXT, "slogan": TEXT, "members": st.lists(MEMBER, max_size=2, unique=True),
        "roles": st.lists(st.one_of(st.fixed_dictionaries({"role": TEXT, "member": MEMBER}), st.fixed_dictionaries({"role": TEXT, "name": TEXT})), max_size=3),
        "aliases": st.lists(st.sampled_from(["old-garden", "yuan"]), max_size=2, unique=True),
        "signboard": st.fixed_dictionaries({}, optional={"size": st.sampled_from(["A4", "A3", "60x40cm", "80x60cm", "900x600mm"]),
                                                        "orientation": st.sampled_from(["landscape", "portrait"]),
                                                        "scheme": st.sampled_from(["red-gold", "white-red"])}),
    })


def _commitment(member):
    return st.fixed_dictionaries({"member": st.just(member), "promise": TEXT}, optional={
        "items": st.lists(TEXT, max_size=3), "standard": TEXT,
        "progress": st.lists(st.fixed_dictionaries({"date": DATE, "text": TEXT}), max_size=2),
        "review": st.fixed_dictionaries({"date": DATE, "result": st.sampled_from(["优秀", "合格"])}, optional={"by": TEXT}),
    })


def _story():
    return st.fixed_dictionaries({"title": TEXT, "date": DATE, "category": st.sampled_from(["真情服务小故事", "劳动模范"])},
                                 optional={"members": st.lists(MEMBER, max_size=2, unique=True), "team": TEXT,
                                           "zone": st.sampled_from(["garden", "closed"]), "summary": TEXT, "featured": st.booleans()})


def _results():
    score = st.one_of(st.floats(0, 100), st.integers(0, 100))
    return st.lists(st.sampled_from(["garden", "closed"]), unique=True).flatmap(
        lambda zones: st.tuples(*[st.fixed_dictionaries({"zone": st.just(z), "score": score}, optional={"note": TEXT}) for z in zones]).map(list))


SPOILS = ["unknown key", "missing reference", "bad date", "empty body", "bad score", "long text", "odd bytes"]
SITE = st.fixed_dictionaries({
    "members": st.lists(_member(), max_size=3, unique_by=lambda m: m["id"]),
    "zone": _zone(),
    "commitments": st.sampled_from([[], ["zhang-wei"], ["li-na"], ["zhang-wei", "li-na"]]).flatmap(
        lambda ms: st.tuples(*[_commitment(m) for m in ms]).map(list)),
    "story": _story(),
    "body": st.one_of(TEXT, st.just("[" * 3000), st.just("> " * 60 + "x"), st.just("正文\n\n![x](photos/zhang-wei.jpg)\n")),
    "results": _results(),
    "spoil": st.one_of(st.none(), st.none(), st.sampled_from(SPOILS)),
})


def _spoil(data: dict) -> None:
    kind = data["spoil"]
    if kind == "unknown key":
        data["zone"]["phone_secret"] = "x"
    elif kind == "missing reference":
        data["zone"]["leader"] = "nobody"
    elif kind == "bad date":
        data["story"]["date"] = "2026-02-30"
    elif kind == "empty body":
        data["body"] = "  \n"
    elif kind == "bad score":
        data["results"] = [{"zone": "garden", "score": 101}]
    elif kind == "long text":
        data["zone"]["scope"] = "长" * 2001
    elif kind == "odd bytes":
        data["story"]["title"] = "a\x07b"


def _files(data: dict) -> dict[str, str]:
    _spoil(data)

    def dump(value) -> str:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)

    members = yaml.safe_load(FILES["members.yaml"])["members"][:2] + data["members"]
    return {
        "mkdocs.yml": _mkdocs_yml(printables=False),
        "members.yaml": dump({"members": members}),
        "content/zones/garden.yaml": dump(data["zone"]),
        "content/commitments/2026.yaml": dump({"year": 2026, "commitments": data["commitments"]}),
        "content/stories/a-key.md": "---\n" + dump(data["story"]) + "---\n" + data["body"] + "\n",
        "content/assessments/2026-Q1.yaml": dump({"period": "2026-Q1", "published": "2026-04-05", "results": data["results"]}),
    }


EXAMPLES = {"built": 0, "refused": 0}


def _build_generated(tmp: Path, data: dict) -> None:
    from mkdocs.exceptions import Abort

    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    root = write_site(tmp / "src", _files(data))
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build_site(root / "mkdocs.yml", tmp / "site", strict=False)
        EXAMPLES["built"] += 1
    except Abort:
        EXAMPLES["refused"] += 1
        errors = [m for m in handler.messages if m[0] >= logging.ERROR and not m[1].startswith(("内容有", "Aborted"))]
        assert errors, handler.messages
        for _, message in errors:
            assert re.match(r"^[^:]+\.(yaml|md|yml):\d+:\d+: ", message) or re.match(r"^[^:]+\.(yaml|md|yml): ", message), message
            assert "Traceback" not in message
    finally:
        logger.removeHandler(handler)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[tuple[int, str]] = []

    def emit(self, record):
        self.messages.append((record.levelno, record.getMessage()))


def _build_many(tmp_path, examples: int) -> None:
    EXAMPLES.update(built=0, refused=0)

    @settings(max_examples=examples, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(SITE)
    def run(data):
        _build_generated(tmp_path / "gen", data)

    run()
    print(f"generated sites: {EXAMPLES['built']} built, {EXAMPLES['refused']} refused with file and line")
    assert EXAMPLES["built"] + EXAMPLES["refused"] >= examples


def test_generated_sites_build_or_abort_cleanly(tmp_path):
    _build_many(tmp_path, 12)
    assert EXAMPLES["built"] >= 3 and EXAMPLES["refused"] >= 2


@pytest.mark.slow
def test_generated_sites_build_or_abort_cleanly_long(tmp_path):
    _build_many(tmp_path, 500)


@pytest.mark.parametrize("name, target, message", [
    ("content/roster.md", "../members.yaml", "指向 content/ 以外"),  # the roster, hidden members included
    ("content/extra", "..", "指向文件夹的链接"),  # the whole repository
    ("content/loop", ".", "指向文件夹的链接"),  # a loop MkDocs would walk forever
    ("content/gone.md", "nowhere.md", "指向的文件或文件夹不存在"),
    ("content/self.md", "self.md", "它最终指向了它自己"),  # not "points at nothing" (audit AS-U F2)
])
def test_a_symbolic_link_in_content_is_refused_before_anything_is_published(tmp_path, caplog, name, target, message):
    root = write_site(tmp_path / "src")
    (root / name).symlink_to(target)
    with pytest.raises(Exception) as raised:
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert "Abort" in type(raised.value).__name__ and not (tmp_path / "site").exists()
    assert re.search(rf"{re.escape(name)}:1:1: .*{message}", caplog.text), caplog.text


def test_a_photo_linked_from_outside_is_said_at_its_field_as_a_link(tmp_path, caplog):
    """Audit AS-X L3: members.yaml's photo pointed at a link to a file outside content/; its field was
    told to "write the path inside content/", the very path it had, and the editor went in circles."""
    root = write_site(tmp_path / "src")
    (tmp_path / "outside.jpg").write_bytes((root / "content/photos/zhang-wei.jpg").read_bytes())
    (root / "content/photos/zhang-wei.jpg").unlink()
    (root / "content/photos/zhang-wei.jpg").symlink_to(tmp_path / "outside.jpg")
    with pytest.raises(Exception):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    assert re.search(r"members\.yaml:\d+:\d+: members\[1\]\.photo: “photos/zhang-wei\.jpg”是一个链接（快捷方式），指向 content/ 以外的文件，网站不用它"
                     r" \(把照片文件本身放到 content/photos/zhang-wei\.jpg，替换这个链接\)", caplog.text), caplog.text
    assert "图片路径必须在 content/ 里面" not in caplog.text


def test_a_site_dir_that_is_a_file_is_refused_not_a_traceback(tmp_path, caplog):
    """site_dir: members.yaml (audit 29: validate passed, the build failed with FileExistsError)."""
    from liangxiang.cli import main

    root = write_site(tmp_path / "src")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_dir: members.yaml\n", encoding="utf-8")
    before = digest(root, (".cache",))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build(load_config(config_file=str(config)))
    assert re.search(r"mkdocs\.yml:\d+:\d+: site_dir: site_dir（members\.yaml）是一个已有的文件", caplog.text), caplog.text
    assert main(["validate", str(root)]) == 1
    assert digest(root, (".cache",)) == before


@pytest.mark.parametrize("cache_dir", ["site/cache", "site"])
def test_a_cache_inside_the_site_folder_is_refused(tmp_path, caplog, cache_dir):
    """Emptied by every build (each one cold) and its files published (audit M): refused, as inside content/."""
    from liangxiang.cli import main

    root = write_site(tmp_path / "src")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - liangxiang\n", f"  - liangxiang:\n      cache_dir: {cache_dir}\n"), encoding="utf-8")
    before = digest(root)
    with pytest.raises(Exception) as raised:
        build_site(config, root / "site")
    assert "Abort" in type(raised.value).__name__
    assert re.search(rf"mkdocs\.yml:\d+:\d+: cache_dir: 缓存文件夹 cache_dir（{cache_dir}）在网站文件夹 site/ 里", caplog.text), caplog.text
    assert main(["validate", str(root)]) == 1
    assert digest(root) == before


@pytest.mark.parametrize("cache_dir, said", [("content/.cache", "在 content/ 里"), ("content", "在 content/ 里"),
                                             (".", "是站点所在的文件夹或它的上级"), ("..", "是站点所在的文件夹或它的上级"),
                                             ("members.yaml", "是一个文件"), ("members.yaml/x", "是一个文件")])  # audit 29: had a traceback
def test_a_cache_inside_content_or_over_the_site_is_refused_and_nothing_is_written(tmp_path, caplog, cache_dir, said):
    from liangxiang.cli import main

    root = write_site(tmp_path / "src")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - liangxiang\n", f"  - liangxiang:\n      cache_dir: {cache_dir}\n"), encoding="utf-8")
    before, around = digest(root), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(Exception) as raised:
        build_site(config, tmp_path / "site")
    assert "Abort" in type(raised.value).__name__
    assert re.search(rf"mkdocs\.yml:\d+:\d+: cache_dir: 缓存文件夹 cache_dir（{re.escape(cache_dir)}）{said}", caplog.text), caplog.text
    assert main(["validate", str(root)]) == 1
    assert digest(root) == before and sorted(p.name for p in tmp_path.iterdir()) == around


def _refused(path: Path, error: type[OSError] = PermissionError):
    """Path.read_bytes / Path.iterdir that fail for ``path`` as they do for a user whose mode
    bits forbid it (the tests run as root, who reads mode 000 all the same)."""
    import pathlib

    read_bytes, iterdir, opened = pathlib.Path.read_bytes, pathlib.Path.iterdir, pathlib.Path.open

    def refuse(self):
        if self.resolve() == path.resolve():
            raise error(13, "Permission denied", str(self))

    def read(self):
        refuse(self)
        return read_bytes(self)

    def listing(self):
        refuse(self)
        return iterdir(self)

    def opening(self, *args, **kwargs):
        refuse(self)
        return opened(self, *args, **kwargs)

    return {"read_bytes": read, "iterdir": listing, "open": opening}


@pytest.mark.parametrize("unreadable, said", [
    ("content/zones/garden.yaml", "content/zones/garden.yaml:1:1: 读不了这个文件：没有读取权限 (让生成网站的用户能读它（例如 chmod a+r content/zones/garden.yaml）"),
    ("members.yaml", "members.yaml:1:1: 读不了这个文件：没有读取权限"),
    ("content/about.md", "content/about.md:1:1: 读不了这个文件：没有读取权限"),
    ("content/zones", "content/zones/: 读不了这个文件夹：没有读取权限 (让生成网站的用户能读它（例如 chmod -R a+rX content/zones）"),
    ("content/photos/zhang-wei.jpg", "members.yaml:4:5: members[1].photo: 读不了图片“photos/zhang-wei.jpg”：没有读取权限"),
])
def test_a_file_or_folder_that_cannot_be_read_is_one_error_at_it_not_a_traceback(tmp_path, monkeypatch, unreadable, said):
    """Audit AS-U 1: mode 000 on a record, a page or a folder gave Python's PermissionError, in
    validate and in the build; each is said at that file, and only there."""
    import pathlib

    from liangxiang.pipeline import read_content

    root = write_site(tmp_path / "src")
    for name, replacement in _refused(root / unreadable).items():
        monkeypatch.setattr(pathlib.Path, name, replacement)
    _, problems = read_content(root, root / "content")
    said_all = [str(p) for p in problems]
    assert len(said_all) == 1 and said_all[0].startswith(said), said_all


def test_a_photo_that_links_to_itself_is_said_not_a_traceback(tmp_path):
    """Audit AS-U 2: Path.resolve raised RuntimeError("Symlink loop")."""
    from liangxiang.pipeline import read_content

    root = write_site(tmp_path / "src")
    (root / "content/photos/zhang-wei.jpg").unlink()
    (root / "content/photos/zhang-wei.jpg").symlink_to("zhang-wei.jpg")
    _, problems = read_content(root, root / "content")
    assert "members.yaml:4:5: members[1].photo: 读不了图片“photos/zhang-wei.jpg”：这个符号链接最终指向了它自己 (删掉这个链接，放进真正的文件)" in [
        str(p) for p in problems], [str(p) for p in problems]


def test_a_site_dir_that_cannot_be_written_is_said_before_the_build_not_a_traceback(tmp_path, monkeypatch, caplog):
    from mkdocs.exceptions import Abort

    import liangxiang.site.staging as staging

    root = write_site(tmp_path / "src")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = staging.os.access
    monkeypatch.setattr(staging.os, "access", lambda path, mode: Path(path) != locked and real_access(path, mode))
    with pytest.raises(Abort) as raised:
        build_site(root / "mkdocs.yml", locked / "site")
    assert re.fullmatch(r".*locked/: 读写不了这个文件夹：没有权限 \(让生成网站的用户能读写它（例如 chmod -R u\+rwX .*locked），或换一个文件夹\)", str(raised.value)), raised.value
    assert not (locked / "site").exists()


def test_an_emacs_lock_beside_a_file_being_edited_breaks_nothing(tmp_path):
    """Audit AS-U 8: Emacs marks a file it edits with a dangling link .#garden.yaml; it was refused."""
    from liangxiang.pipeline import read_content

    root = write_site(tmp_path / "src")
    (root / "content/zones/.#garden.yaml").symlink_to("editor@host.1234:1700000000")
    _, problems = read_content(root, root / "content")
    assert not problems, [str(p) for p in problems]
    build_site(root / "mkdocs.yml", tmp_path / "site")
    assert not list((tmp_path / "site").rglob(".#*"))
