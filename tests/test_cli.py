"""`liangxiang validate` and `mkdocs build` as an editor runs them: same errors, no traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, liangxiang
from minimal_site import FILES, write_site

BIN = Path(sys.executable).parent


def mistakes(said: str) -> str:
    """What a run says without its notices, which come first (audit AS-AH M4): the mistakes and their count."""
    return "".join(line for line in said.splitlines(keepends=True) if not line.startswith("提示（不影响生成）："))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`liangxiang …` in-process (a new Python costs a second of imports; dozens of these were a
    minute of CI), `mkdocs …` as the installed command; the installed `liangxiang` has tests of its own."""
    if args[0] == "liangxiang":
        return liangxiang(*args[1:], cwd=cwd)
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=120)


def installed(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_validate_example_passes():
    result = installed("liangxiang", "validate", cwd=REPO)
    assert result.returncode == 0, result.stderr
    # counted as the home page counts: in post; the former and the hidden said apart, as the archived zone
    assert "内容检查通过：23 名在册党员（另有 1 名已调离、1 名不公开）、3 个责任区（另有 1 个已撤销）" in result.stdout


def broken_site(root: Path) -> Path:
    return write_site(root, {
        "members.yaml": FILES["members.yaml"].replace("    post: 绿化养护员", "    pots: 绿化养护员"),
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("leader: zhang-wei", "leader: zhang-wie"),
    })


def test_validate_reports_every_error_like_build(tmp_path):
    root = broken_site(tmp_path / "src")
    validate = run("liangxiang", "validate", str(root), cwd=tmp_path)
    build = run("mkdocs", "build", "-q", "-d", str(tmp_path / "site"), cwd=root)
    assert validate.returncode == 1 and build.returncode == 1
    expected = [
        "members.yaml:7:5: members[1].pots: 不认识的字段“pots” (是不是要写 post？)",
        "content/zones/garden.yaml:7:1: leader: 找不到党员“zhang-wie” (是不是要写 zhang-wei？)",
    ]
    for line in expected:
        assert line in validate.stderr.splitlines()
        assert any(l.endswith(line) for l in build.stderr.splitlines()), build.stderr
    for output in (validate.stderr, build.stderr):
        assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("closed", ["stdout", "stderr"])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path, closed):
    """`liangxiang validate | head -1`: the pipe closes before the last line is written."""
    root = REPO if closed == "stdout" else broken_site(tmp_path / "src")  # passes to stdout; fails to stderr
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE, as after head has exited
    said = tmp_path / "said.txt"
    with open(said, "w") as other:
        streams = {"stdout": write_end, "stderr": other} if closed == "stdout" else {"stdout": other, "stderr": write_end}
        result = subprocess.run([str(BIN / "liangxiang"), "validate", str(root)], cwd=tmp_path, timeout=120, **streams)
    os.close(write_end)
    assert result.returncode == 141  # as a shell says a command whose reader left; an uncaught error exits 1
    assert "Traceback" not in said.read_text(encoding="utf-8")


def test_validate_without_a_site(tmp_path):
    result = run("liangxiang", "validate", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1 and "找不到 mkdocs.yml" in result.stderr and "Traceback" not in result.stderr


def test_validate_with_a_config_file_not_there_names_it(tmp_path):
    """`-f nope.yml` was told "找不到 mkdocs.yml" (audit AS-B 11)."""
    root = write_site(tmp_path / "site")
    result = run("liangxiang", "validate", "-f", "nope.yml", cwd=root)
    assert result.returncode == 1 and mistakes(result.stderr).startswith("nope.yml: 找不到配置文件“nope.yml” (检查 -f 后面的文件名"), result.stderr


def test_a_config_file_of_another_name_is_named_in_the_words_too(tmp_path):
    """Under `-f site-prod.yml` the words said "mkdocs.yml 里没有…" of a file the editor never opened."""
    root = write_site(tmp_path / "site")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("site_url:", "site_urll:")
    (root / "site-prod.yml").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").unlink()
    result = run("liangxiang", "validate", "-f", "site-prod.yml", cwd=root)
    assert "site-prod.yml 里没有“site_urll”这个设置" in result.stderr, result.stderr
    assert "mkdocs.yml 里" not in result.stderr and "mkdocs.yml 必须" not in result.stderr, result.stderr


def test_validate_with_a_word_that_is_no_folder_says_so(tmp_path):
    """`liangxiang validate extra-arg` in a site was told to cd to the folder it was in (audit M)."""
    root = write_site(tmp_path / "site")
    result = run("liangxiang", "validate", "extra-arg", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert mistakes(result.stderr).startswith("extra-arg: 找不到文件夹“extra-arg” (命令后面写站点目录"), result.stderr


def test_validate_run_inside_content_points_to_the_site(tmp_path):
    root = write_site(tmp_path / "site")
    for where in (root / "content", root / "content" / "zones"):
        result = run("liangxiang", "validate", cwd=where)
        assert result.returncode == 1 and f"(mkdocs.yml 在上级文件夹 {root}：先 cd 到那里再运行)" in result.stderr, result.stderr


def test_validate_from_a_copy_of_the_repository(tmp_path):
    """Starting a site from this repository: copy it, edit, validate."""
    for name in ("mkdocs.yml", "members.yaml"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "content", tmp_path / "content")
    assert run("liangxiang", "validate", cwd=tmp_path).returncode == 0


def test_validate_reports_a_signboard_that_does_not_fit(tmp_path):
    """The build's second check (printables) runs in validate too: the same notice for duties set
    below the legible size, the same error for duties that fit at no size, before any build."""
    duties = "".join(f"  - 第{i}条：每天巡查责任区内的全部设施，发现问题当场登记并在两小时内报修、当日回访\n" for i in range(40))
    zone = FILES["content/zones/garden.yaml"].replace("duties:\n  - 浇水\n", "duties:\n" + duties)
    root = write_site(tmp_path / "src", {"content/zones/garden.yaml": zone})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert re.search(r"提示（不影响生成）：content/zones/garden\.yaml:5:1: duties: 工作职责太长.*缩小到 \d+% 印出", result.stdout), result.stdout
    root = write_site(tmp_path / "crowded", {"content/zones/garden.yaml": zone.replace("duties:\n", "duties:\n" + duties * 4) + "signboard: {size: A4}\n"})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-2].startswith("content/zones/garden.yaml:5:1: duties: 工作职责太长"), result.stderr


def test_a_name_too_long_for_a_signboards_header_is_said_at_the_name_naming_the_signboard(tmp_path):
    """Said at org.yaml's name, the notice names the zone whose sign it is, and its hint that
    zone's signboard, not a signboard of org.yaml (session 40)."""
    org = FILES["content/org.yaml"].replace("name: 测试单位", "name: 中共新疆维吾尔自治区昌吉回族自治州呼图壁县红星镇人民政府机关向阳村第一村民小组党员活动室党支部委员会")
    zone = FILES["content/zones/garden.yaml"] + "signboard: {size: 300x900mm, orientation: portrait}\n"
    root = write_site(tmp_path / "site", {"content/org.yaml": org, "content/zones/garden.yaml": zone})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    said = re.search(r"提示（不影响生成）：content/org\.yaml:1:1: name: 单位名称太长.*", result.stdout)
    assert said and "责任区 garden 的标志牌已把最小字号缩小到" in said.group(0), result.stdout
    assert "short_name" in said.group(0) and "或把这个责任区的 signboard 改成 {size: " in said.group(0), said.group(0)


SETTINGS_CASES = {  # what is wrong in mkdocs.yml -> what validate must say (a strict build fails on each)
    # every setting made a list item (a block scalar's lines would be said as outdented first)
    "a-list": (lambda text: "- " + text.split("exclude_docs:")[0].replace("\n", "\n- "), "mkdocs.yml: mkdocs.yml 要一行写一个设置", "不要以“- ”开头"),
    "gbk": (lambda text: text.replace("site_name: 测试站", "site_name: 测试站 # 注释").encode("gbk"), "mkdocs.yml:1:", "GBK"),
    "tab": (lambda text: text.replace("  name: liangxiang", "\tname: liangxiang"), "mkdocs.yml:5:1:", "制表符"),
    # audit X: MkDocs took the pasted spaces for part of a setting's name, and said so in English
    "nbsp-indent": (lambda text: text.replace("  name: liangxiang", "\u00a0\u00a0name: liangxiang"), "mkdocs.yml:5:1: theme.name:", "缩进里有不间断空格"),
    # audit Z1: MkDocs reads mkdocs.yml with PyYAML, which refuses a tab the content's reader takes for a space
    "tab-before-a-comment": (lambda text: text.replace("site_name: 测试站", "site_name: 测试站\t# 名称"), "mkdocs.yml:1:", "制表符"),
    "no-scheme": (lambda text: text.replace("https://dj.qinghe.org.cn/dj/", "dj.qinghe.org.cn/dj/"), "mkdocs.yml:2:1: site_url:", "https://"),
    "full-width-colon": (lambda text: text.replace("https://dj.qinghe.org.cn/dj/", "https：//dj.qinghe.org.cn/dj/"), "mkdocs.yml:2:1: site_url:", "全角的“：”"),
    "full-width-colon-before-address": (lambda text: text.replace("site_url: https://dj.qinghe.org.cn/dj/", "site_url：https://dj.qinghe.org.cn/dj/   # 二维码"),
                                        "mkdocs.yml:2:9: site_url:", "后面的冒号是全角的“：”"),  # was "site_url is empty" (audit 25)
    "space": (lambda text: text.replace("https://dj.qinghe.org.cn/dj/", "https://dj qinghe.org.cn/dj/"), "mkdocs.yml:2:1: site_url:", "空格"),
    "unknown-option": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n      colr: red\n"), "mkdocs.yml:8:7: colr:", "liangxiang 插件没有“colr”这个设置"),
    "misspelt-option": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n      printable: false\n"), "mkdocs.yml:8:7: printable:", "(是不是要写 printables？)"),
    "misspelt-setting": (lambda text: text.replace("docs_dir:", "doc_dir: x\ndocs_dir:"), "mkdocs.yml:3:1: doc_dir:", "没有“doc_dir”这个设置 (是不是要写 docs_dir？)"),
    "option-choice": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n      lang: en\n"), "mkdocs.yml:8:7: lang:", "只能写 zh-CN"),
    "option-type": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n      bleed: 是\n"), "mkdocs.yml:8:7: bleed:", "要写 true 或 false"),
    "no-site-name": (lambda text: text.replace("site_name: 测试站", "site_name:"), "mkdocs.yml:1:1: site_name:", "必须写 site_name"),
    "plugin-typo": (lambda text: text.replace("  - liangxiang\n", "  - liangxiong\n"), "mkdocs.yml:7:5: plugins:", "没有安装名为“liangxiong”的插件 (是不是要写 liangxiang？)"),
    "plugins-inline": (lambda text: text.replace("plugins:\n  - liangxiang\n", "plugins: liangxiang\n"), "mkdocs.yml:6:1: plugins:", "每一项单独写一行"),
    "theme": (lambda text: text.replace("  name: liangxiang", "  name: material"), "mkdocs.yml:4:1: theme:", "没有名为“material”的主题"),
    "extension-typo": (lambda text: text + "markdown_extensions:\n  - table\n", "mkdocs.yml:14:5: markdown_extensions:", "找不到 Markdown 扩展“table” (是不是要写 tables？)"),
    "plugin-options-without-colon": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang\n      printables: false\n"),
                                     "mkdocs.yml:7:15:", "“liangxiang”后面少了冒号“:” (写成“- liangxiang:”"),
    "theme-name-typo": (lambda text: text.replace("  name: liangxiang", "  nmae: liangxiang"), "mkdocs.yml:4:1: theme:", "少了主题名称 name (“nmae”拼错了：写成 name: liangxiang)"),
    "theme-folder": (lambda text: text.replace("  name: liangxiang", "  name: liangxiang\n  custom_dir: overides"), "mkdocs.yml:4:1: theme:", "找不到 custom_dir 写的文件夹“overides”"),
    "members-file": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n      members: people.yaml\n"),
                     "mkdocs.yml:8:7: members:", "找不到 members 设置写的党员名单“people.yaml”"),
    "plugin-disabled": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n      enabled: false\n"), "mkdocs.yml:8:7: enabled:",
                        "liangxiang 插件写了 enabled: false，网站就生成不了 (删掉这一行"),
    "setting-type": (lambda text: text + "use_directory_urls: 是\n", "mkdocs.yml:13:1: use_directory_urls:", "要写 true 或 false"),
    # a choice not offered, quoted as written, not as Python's repr 'en' (audit AS-H)
    "plugin-choice": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n      lang: en\n"), "mkdocs.yml:8:7: lang:", "只能写 zh-CN（现在是“en”）"),
    # said to be missing, at line 1, while written at line 2 (audit M)
    "site-url-variable-unset": (lambda text: text.replace("site_url: https://dj.qinghe.org.cn/dj/", "site_url: !ENV LIANGXIANG_TEST_UNSET_URL"),
                                "mkdocs.yml:2:1: site_url:", "取自环境变量 LIANGXIANG_TEST_UNSET_URL，这个变量没有设置"),
    # the guide's option typed at its plugin's indent: MkDocs said "Invalid Plugins configuration" at plugins (audit M)
    "plugin-option-outdented": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n    bleed: true\n"), "mkdocs.yml:8:5: bleed:",
                                "“bleed”是 liangxiang 插件的设置，缩进不够，被当成了另一个插件 (在这一行前面再加 2 个空格"),
    # the "- " of the plugins list copied before each option: "Invalid config options", in English, at plugins (audit AH F6)
    "plugin-options-listed": (lambda text: text.replace("  - liangxiang\n", "  - liangxiang:\n    - bleed: true\n    - printables: false\n"),
                              "mkdocs.yml:8:5: plugins:", "liangxiang 插件的设置前面不要写“- ” (写成“bleed: true”，比上面的 liangxiang 多缩进两格"),
}


def test_validate_words_settings_problems_for_editors(tmp_path):
    for name, (edit, where, words) in SETTINGS_CASES.items():
        root = write_site(tmp_path / name)
        changed = edit(FILES["mkdocs.yml"])
        config = root / "mkdocs.yml"
        config.write_bytes(changed) if isinstance(changed, bytes) else config.write_text(changed, encoding="utf-8")
        result = run("liangxiang", "validate", str(root), cwd=tmp_path)
        assert result.returncode == 1, (name, result.stdout)
        assert mistakes(result.stderr).startswith(where) and words in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr and "Config value" not in result.stderr, (name, result.stderr)


def test_a_mistake_in_mkdocs_yml_does_not_hide_the_contents(tmp_path):
    """One run says every mistake: with a wrong site_name, site_url or theme the content is still
    checked, and the count says them all."""
    members = FILES["members.yaml"].replace("joined: 2008", "joined: 八八年", 1)
    for name, edit in {"site_name": ("site_name: 测试站", "site_name:"), "theme": ("  name: liangxiang", "  name: mkdoc"),
                       "site_url": ("https://dj.qinghe.org.cn/dj/", "dj.qinghe.org.cn/dj/"),
                       "setting": ("docs_dir:", "doc_dir: x\ndocs_dir:"),
                       "plugin-option": ("  - liangxiang\n", "  - liangxiang:\n      blead: true\n      members: members.yaml\n"),
                       # a YAML mistake in mkdocs.yml stopped the content check (audit 31)
                       "full-width-colon": ("site_name: 测试站", "site_name： 测试站"), "plugin-full-width-colon": ("  - liangxiang\n", "  - liangxiang：\n"),
                       "unclosed-quote": ("site_name: 测试站", 'site_name: "测试站'),
                       # git's conflict markers: found by both readings of mkdocs.yml, said once (audit 32)
                       "conflict": ("site_url: https://dj.qinghe.org.cn/dj/\n", "<<<<<<< HEAD\nsite_url: https://dj.qinghe.org.cn/dj/\n=======\nsite_url: https://dj.qinghe.org.cn/\n>>>>>>> main\n"),
                       "plugin-left-out": ("  - liangxiang\n", "  - search\n")}.items():  # audit 32: the content was not checked
        root = write_site(tmp_path / name, {"mkdocs.yml": FILES["mkdocs.yml"].replace(*edit), "members.yaml": members})
        result = run("liangxiang", "validate", str(root), cwd=tmp_path)
        assert result.returncode == 1 and mistakes(result.stderr).startswith("mkdocs.yml:"), (name, result.stderr)
        assert "members.yaml:8:5: members[1].joined" in result.stderr, (name, result.stderr)
        assert result.stderr.endswith("一共有 2 处错误，改好以前网站不能生成。请按上面的文件和行号逐条修改。\n"), (name, result.stderr)
    # several at once: MkDocs stops at the first wrong setting; every one is said, in the order written (audit 30)
    several = FILES["mkdocs.yml"].replace("https://dj.qinghe.org.cn/dj/", "dj.qinghe.org.cn/dj/").replace("  name: liangxiang", "  name: liangxaing")
    several = several.replace("  - liangxiang\n", "  - liangxiang:\n      bleeed: true\nmarkdown_extensions:\n  - table\n")
    root = write_site(tmp_path / "several", {"mkdocs.yml": several, "members.yaml": members})
    said = run("liangxiang", "validate", str(root), cwd=tmp_path).stderr.splitlines()
    assert [line.split(": ")[0:2] for line in said if not line.startswith("提示")][:-1] == [
        ["mkdocs.yml:2:1", "site_url"], ["mkdocs.yml:4:1", "theme"], ["mkdocs.yml:8:7", "bleeed"], ["mkdocs.yml:10:5", "markdown_extensions"],
        ["members.yaml:8:5", "members[1].joined"]], said
    assert said[-1] == "一共有 5 处错误，改好以前网站不能生成。请按上面的文件和行号逐条修改。"
    colon = write_site(tmp_path / "colon-and-more", {"mkdocs.yml": FILES["mkdocs.yml"].replace("site_name: 测试站", "site_name： 测试站\nbleeed: 3"),
                                                      "members.yaml": members})
    said = run("liangxiang", "validate", str(colon), cwd=tmp_path).stderr.splitlines()
    assert [line.split(": ")[0:2] for line in said if not line.startswith("提示")][:-1] == [
        ["mkdocs.yml:1:10", "site_name"], ["mkdocs.yml:2:1", "bleeed"], ["members.yaml:8:5", "members[1].joined"]], said
    unusable = write_site(tmp_path / "plugin", {"mkdocs.yml": FILES["mkdocs.yml"].replace("  - liangxiang", "  - liangxian"),
                                                "members.yaml": members})
    result = run("liangxiang", "validate", str(unusable), cwd=tmp_path)  # without the plugin's own settings: not checked
    assert result.returncode == 1 and "liangxian" in result.stderr and "members.yaml" not in result.stderr, result.stderr


def test_a_plain_build_fails_on_a_misspelt_plugin_option_in_validates_words(tmp_path):
    """`blead: true` was MkDocs' English warning, and a plain build exited 0 and printed the signs
    without the bleed asked for (audit 19)."""
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"].replace(
        "  - liangxiang\n", "  - liangxiang:\n      blead: true\n      bleed: 1\n      members: [a, b]\n      printables: 是\n")})
    build = run("mkdocs", "build", "-d", str(tmp_path / "site"), cwd=root)
    assert build.returncode == 1 and not (tmp_path / "site").exists(), build.stderr
    validate = mistakes(run("liangxiang", "validate", str(root), cwd=tmp_path).stderr).splitlines()
    # every wrong option is said, in the order written (MkDocs stops at the first it checks: audit 29)
    assert validate == ["mkdocs.yml:8:7: blead: liangxiang 插件没有“blead”这个设置 (是不是要写 bleed？)",
                        "mkdocs.yml:9:7: bleed: liangxiang 插件的设置 bleed 要写 true 或 false (例如 bleed: true)",
                        "mkdocs.yml:10:7: members: liangxiang 插件的设置 members 要写一个文件或文件夹的路径 (例如 members: members.yaml)",
                        "mkdocs.yml:11:7: printables: liangxiang 插件的设置 printables 要写 true 或 false (例如 printables: true)",
                        "一共有 4 处错误，改好以前网站不能生成。请按上面的文件和行号逐条修改。"], validate
    for line in validate[:4]:
        assert line in build.stderr, (line, build.stderr)
    assert "Traceback" not in build.stderr and "Unrecognised" not in build.stderr


def test_a_build_stopped_by_a_misspelt_plugin_option_says_the_contents_mistakes_too(tmp_path):
    """Audit AS-Q F02: MkDocs stops at mkdocs.yml, and a build said only the option; validate said
    all 19 mistakes. Each is said once, and MkDocs' own English once more is not."""
    members = FILES["members.yaml"].replace("joined: 2008", "joined: 八八年", 1)
    root = write_site(tmp_path / "src", {"members.yaml": members, "mkdocs.yml": FILES["mkdocs.yml"].replace(
        "  - liangxiang\n", "  - liangxiang:\n      memebers: members.yaml\n")})
    build = run("mkdocs", "build", "-d", str(tmp_path / "site"), cwd=root)
    validate = mistakes(run("liangxiang", "validate", str(root), cwd=tmp_path).stderr).splitlines()
    assert build.returncode == 1 and not (tmp_path / "site").exists(), build.stderr
    assert validate[:2] == ["mkdocs.yml:8:7: memebers: liangxiang 插件没有“memebers”这个设置 (是不是要写 members？)",
                            "members.yaml:8:5: members[1].joined: 应该是年份（四位数字）（现在是“八八年”） (年份写四位数字，例如 1988)"], validate
    for line in validate[:2]:
        assert build.stderr.count(line) == 1, (line, build.stderr)
    assert "Config value" not in build.stderr and "Traceback" not in build.stderr, build.stderr


def test_a_setting_indented_with_pasted_spaces_is_said_in_words_by_build_and_validate_alike(tmp_path):
    """Audit X: to MkDocs "\xa0\xa0name" is a setting of that name, said in English with no line."""
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"].replace("  name: liangxiang", "\u00a0\u00a0name: liangxiang")})
    said = "mkdocs.yml:5:1: theme.name: 缩进里有不间断空格"  # at its whole path, once
    build = run("mkdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=root)
    validate = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert build.returncode == 1 and said in build.stderr and "Config value" not in build.stderr, build.stderr
    assert validate.returncode == 1 and mistakes(validate.stderr).startswith(said), validate.stderr
    assert build.stderr.count("缩进里有") == validate.stderr.count("缩进里有") == 1, (build.stderr, validate.stderr)


def test_validate_runs_no_code_from_mkdocs_yml(tmp_path):
    """validate checks a change before anyone builds it: a python tag or a hook in mkdocs.yml is not run."""
    marker = tmp_path / "ran"
    tagged = write_site(tmp_path / "tag", {"mkdocs.yml": FILES["mkdocs.yml"].replace(
        "site_name: 测试站", f'site_name: !!python/object/apply:os.system ["touch {marker}"]')})
    result = run("liangxiang", "validate", str(tagged), cwd=tmp_path)
    assert result.returncode == 1 and not marker.exists()
    assert mistakes(result.stderr).startswith("mkdocs.yml:1:12: mkdocs.yml 里有会运行程序的标记“!!python/object/apply:os.system”"), result.stderr
    hooked = write_site(tmp_path / "hook", {"mkdocs.yml": FILES["mkdocs.yml"] + "hooks: [evil.py]\n"})
    (hooked / "evil.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    result = run("liangxiang", "validate", str(hooked), cwd=tmp_path)
    assert result.returncode == 0 and not marker.exists(), result.stderr
    # and says it did not (audit AS-AD): the build runs it, and says nothing of the kind
    assert ("提示（不影响生成）：mkdocs.yml:13:1: hooks: hooks 里的 evil.py 是 Python 程序，只在生成网站时运行：liangxiang validate 不运行它，"
            "它出的错这里看不到 (改过这个文件的话，提交前再运行一次 mkdocs build --strict（./dev build）)") in result.stdout.splitlines(), result.stdout
    build = run("mkdocs", "build", "-d", str(tmp_path / "site"), cwd=hooked)
    assert build.returncode == 0 and marker.exists() and "不运行它" not in build.stderr, build.stderr


def test_an_mkdocs_yml_without_docs_dir_is_told_to_name_the_folder_of_org_yaml(tmp_path):
    """Audit AS-T 1: mkdocs.yml written with what the format lists for it (site_name, site_url,
    theme, plugins) leaves docs_dir out; MkDocs looks for docs/, where content/ holds org.yaml."""
    for name in ("content", "neirong"):
        root = write_site(tmp_path / name, {"mkdocs.yml": FILES["mkdocs.yml"].replace("docs_dir: content\n", "")})
        if name != "content":
            (root / "content").rename(root / name)
        result = run("liangxiang", "validate", str(root), cwd=tmp_path)
        assert result.returncode == 1 and mistakes(result.stderr).startswith(
            "mkdocs.yml:1:1: docs_dir: mkdocs.yml 没有写内容文件夹 docs_dir，MkDocs 就找“docs”文件夹，没有找到 "
            f"(在 mkdocs.yml 里加一行 docs_dir: {name}（放 org.yaml 和 zones/ 的文件夹）)"), result.stderr


def test_validate_says_a_misspelt_docs_dir_or_a_site_dir_inside_it_in_chinese(tmp_path):
    misspelt = write_site(tmp_path / "a", {"mkdocs.yml": FILES["mkdocs.yml"].replace("docs_dir: content", "docs_dir: contnt")})
    result = run("liangxiang", "validate", str(misspelt), cwd=tmp_path)
    assert result.returncode == 1
    assert mistakes(result.stderr).startswith("mkdocs.yml:3:1: docs_dir: 找不到内容文件夹“contnt” (是不是要写 content？)"), result.stderr
    inside = write_site(tmp_path / "b", {"mkdocs.yml": FILES["mkdocs.yml"] + "site_dir: content/site\n"})
    result = run("liangxiang", "validate", str(inside), cwd=tmp_path)
    assert result.returncode == 1 and "site_dir: 生成的网站文件夹 site_dir 不能放在内容文件夹 docs_dir 里面" in result.stderr, result.stderr


@pytest.mark.parametrize("name, edit, said", [
    ("hook-missing", lambda text: text + "hooks:\n  - hooks/extra.py\n", "mkdocs.yml:14:5: hooks: 找不到 hooks 里写的文件“hooks/extra.py”"),
    ("plugin-twice", lambda text: text.replace("  - liangxiang\n", "  - liangxiang\n  - liangxiang\n"), "mkdocs.yml:8:3: plugins: 插件 liangxiang 写了两次"),
    ("utf-16", lambda text: text.encode("utf-16"), "mkdocs.yml:1:1: 文件是 UTF-16 编码"),
    ("site-dir-inside", lambda text: text + "site_dir: content/site\n", "site_dir: 生成的网站文件夹 site_dir 不能放在内容文件夹 docs_dir 里面"),
    # audit AQ 7: said in English, and blamed on the site_dir nobody wrote
    ("docs-dir-dot", lambda text: text.replace("docs_dir: content", "docs_dir: ."),
     "mkdocs.yml:3:1: docs_dir: 内容文件夹 docs_dir 不能是 mkdocs.yml 所在的文件夹，也不能在它上面 (写 docs_dir: content，放 org.yaml 的文件夹)"),
])
def test_validate_and_a_build_say_the_same_of_mkdocs_yml(tmp_path, name, edit, said):
    """MkDocs reads a UTF-16 mkdocs.yml, and a build stopped on a missing hooks file that validate
    passed; a plugin listed twice ran every stage twice and ended in a traceback (audit 25)."""
    root = write_site(tmp_path / "src")
    changed = edit(FILES["mkdocs.yml"])
    config = root / "mkdocs.yml"
    config.write_bytes(changed) if isinstance(changed, bytes) else config.write_text(changed, encoding="utf-8")
    validate = run("liangxiang", "validate", str(root), cwd=tmp_path)
    build = run("mkdocs", "build", cwd=root)
    assert validate.returncode == 1 and said in mistakes(validate.stderr).splitlines()[0], validate.stderr
    assert build.returncode == 1 and said in build.stderr, build.stderr
    assert not (root / "site").exists() and not (root / "content" / "site").exists()
    assert "Traceback" not in build.stderr + validate.stderr and "Config value" not in build.stderr, build.stderr
    if name == "docs-dir-dot":  # one mistake, said once
        assert "site_dir" not in validate.stderr + build.stderr, (validate.stderr, build.stderr)


def test_a_leader_who_has_left_is_a_notice_not_an_error(tmp_path):
    members = FILES["members.yaml"].replace("  - id: zhang-wei\n    name: 张伟\n", "  - id: zhang-wei\n    name: 张伟\n    status: former\n")
    root = write_site(tmp_path / "src", {"members.yaml": members})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "提示（不影响生成）：content/zones/garden.yaml:7:1: leader: 负责人“张伟”已调离" in result.stdout, result.stdout
    build = run("mkdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=root)
    assert build.returncode == 0 and "提示：content/zones/garden.yaml:7:1: leader:" in build.stderr, build.stderr


def test_a_nav_section_title_is_a_notice_that_it_is_not_shown(tmp_path):
    """The section bar has one level: a `nav:` group's pages are listed, its title is not, and the
    one who wrote it is told so rather than finding it gone (audit 19)."""
    nav = "nav:\n  - 关于: about.md\n  - 制度:\n    - rules/a.md\n    - rules/b.md\n"
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"] + nav,
                                         "content/rules/a.md": "# 值班制度\n\n正文。\n", "content/rules/b.md": "# 公示制度\n\n正文。\n"})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "提示（不影响生成）：mkdocs.yml:15:5: nav: 菜单 nav 里的分组“制度”不会显示" in result.stdout, result.stdout
    build = run("mkdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=root)
    assert build.returncode == 0 and "分组“制度”不会显示" in build.stderr, build.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert page.index("值班制度") < page.index("公示制度"), "the group's pages are in the menu, in order"


def test_notices_are_said_beside_the_errors(tmp_path):
    """A run that stops at errors still says the notices: fixing the errors need not be followed
    by a second round for them."""
    root = write_site(tmp_path / "src", {
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("  - {role: 监督员, name: 王芳}\n", "  - {role: 监督员, name: 王芳}\n" * 2),
        "content/assessments/2026-Q1.yaml": FILES["content/assessments/2026-Q1.yaml"].replace("score: 90}", "score: 190}")})
    validate = run("liangxiang", "validate", str(root), cwd=tmp_path)
    build = run("mkdocs", "build", "-d", str(tmp_path / "site"), cwd=root)
    assert validate.returncode == 1 and build.returncode == 1
    lines = validate.stderr.splitlines()
    # the notices first, the mistakes last, above their count (audit AS-AH M4: 890 notices hid 4 errors)
    assert lines[0] == "提示（不影响生成）：content/zones/garden.yaml:11:5: roles[3]: “监督员 王芳”写了两遍（第 10 行已经有了），标志牌和网页上只列一次 (删掉这一行)", lines
    assert lines[-2].startswith("content/assessments/2026-Q1.yaml:4:"), lines
    assert lines[-1].startswith("一共有 1 处错误")
    said = build.stderr + build.stdout  # MkDocs says the count last, as its own abort
    assert "提示：content/zones/garden.yaml:11:5: roles[3]: “监督员 王芳”写了两遍" in said, said
    assert said.index("提示：content/zones/garden.yaml") < said.index("content/assessments/2026-Q1.yaml:4:") < said.index("一共有 1 处错误"), said


def test_notices_are_said_beside_what_cannot_be_printed(tmp_path):
    """Audit 34: an error only the printables' check finds (a glyph the font lacks) hid every
    notice of the content's own check."""
    root = write_site(tmp_path / "src", {
        "members.yaml": FILES["members.yaml"].replace("    name: 张伟\n", "    name: 𪚥伟\n"),
        "content/zones/garden.yaml": FILES["content/zones/garden.yaml"].replace("  - {role: 监督员, name: 王芳}\n", "  - {role: 监督员, name: 王芳}\n" * 2)})
    validate = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert validate.returncode == 1 and "Traceback" not in validate.stderr, validate.stderr
    lines = validate.stderr.splitlines()
    assert lines[-2].startswith("members.yaml:3:5: members[1].name: 字体“Noto Sans SC”里没有 “𪚥”"), lines
    assert "提示（不影响生成）：content/zones/garden.yaml:11:5: roles[3]: “监督员 王芳”写了两遍（第 10 行已经有了），标志牌和网页上只列一次 (删掉这一行)" in lines, lines
    assert lines[-1].startswith("一共有 1 处错误"), lines


def test_a_damaged_character_is_said_once_not_also_as_an_emoji(tmp_path):
    """Audit X: "张\ufffd" was an error (a damaged character) and a notice calling U+FFFD an emoji left off the plate."""
    root = write_site(tmp_path / "src", {"members.yaml": FILES["members.yaml"].replace("name: 张伟", "name: 张\ufffd")})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 1 and "损坏的字" in result.stderr, result.stderr
    assert "表情符号" not in result.stdout + result.stderr, result.stdout + result.stderr


def test_a_working_env_site_url_is_not_blamed_for_another_settings_mistake(tmp_path):
    """Audit Z1: with a misspelt setting beside it, `site_url: !ENV [...]` was said to be a tag to delete."""
    config = FILES["mkdocs.yml"].replace("site_url: https://dj.qinghe.org.cn/dj/", "site_url: !ENV [LIANGXIANG_TEST_UNSET_URL, 'https://dj.qinghe.org.cn/dj/']\nrepo_ur: https://x.cn/")
    root = write_site(tmp_path / "src", {"mkdocs.yml": config})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 1 and mistakes(result.stderr).splitlines()[0].startswith("mkdocs.yml:3:1: repo_ur:"), result.stderr
    assert "site_url" not in result.stderr, result.stderr


def test_a_build_names_the_folder_it_updates_not_its_staging_folder(tmp_path):
    """Audit Z2: MkDocs said "Building documentation to directory: .cache/liangxiang/staging-…", in English."""
    root = write_site(tmp_path / "src")
    build = run("mkdocs", "build", "-d", str(tmp_path / "site"), cwd=root)
    assert build.returncode == 0, build.stderr
    assert f"亮相：正在生成网站，完成后更新 {tmp_path / 'site'}" in build.stderr and "亮相：网站生成完毕，用时" in build.stderr, build.stderr
    assert "staging" not in build.stderr and "Cleaning site directory" not in build.stderr, build.stderr


@pytest.mark.parametrize("kind, offers_id", [("member", True), ("zone", True), ("story", True), ("commitment", False), ("assessment", False)])
def test_each_kinds_help_offers_what_it_takes_under_one_heading(kind, offers_id):
    """Audit AK 7, 8: `new commitment --help` offered --id, which it refuses, and every kind's help
    had two 选项 headings (the options it shares were a parent parser's group)."""
    result = run("liangxiang", "new", kind, "--help", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("选项") == 1 and "--directory" in result.stdout, result.stdout
    assert ("--id ID" in result.stdout) is offers_id, result.stdout


def test_an_id_given_to_a_commitment_is_said_why_not(tmp_path):
    result = run("liangxiang", "new", "commitment", "--member", "zhang-wei", "--id", "x", cwd=write_site(tmp_path))
    assert result.returncode == 1 and "承诺没有编号：用 --member 写党员编号" in result.stderr, result.stderr


def test_python_m_liangxiang_is_the_command():
    """Audit AK 9: `python -m liangxiang` said "No module named liangxiang.__main__"."""
    result = subprocess.run([sys.executable, "-m", "liangxiang", "validate"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "内容检查通过" in result.stdout, result.stderr


@pytest.mark.parametrize("written", ["", "\n\n", "# site_name: 测试站\n# plugins: [liangxiang]\n"])
def test_an_empty_mkdocs_yml_is_said_empty(tmp_path, written):
    """Audit AK 5: an mkdocs.yml saved empty was "必须写 site_name" and "找不到内容文件夹“docs”"."""
    root = write_site(tmp_path)
    (root / "mkdocs.yml").write_text(written, encoding="utf-8")
    result = run("liangxiang", "validate", cwd=root)
    said = [line for line in result.stderr.splitlines() if line.startswith("mkdocs.yml")]
    assert result.returncode == 1 and len(said) == 1 and "mkdocs.yml 是空的" in said[0] and "git checkout -- mkdocs.yml" in said[0], result.stderr


@pytest.mark.parametrize("setting, parent, variable", [
    ("site_url: !ENV [LIANGXIANG_TEST_URL, 'https://dj.qinghe.org.cn/dj/']", None, "http://127.0.0.1:8000/"),
    ("INHERIT: common.yml", "site_url: http://localhost:8000/\n", None),
])
def test_a_site_url_set_through_env_or_inherit_is_checked_as_printed(tmp_path, monkeypatch, setting, parent, variable):
    """The checks read site_url from the text of mkdocs.yml: set through !ENV or INHERIT, this
    machine's address passed and was printed in every QR code (audit AS-H)."""
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"].replace("site_url: https://dj.qinghe.org.cn/dj/", setting)})
    if parent is not None:
        (root / "common.yml").write_text(parent, encoding="utf-8")
    if variable is not None:
        monkeypatch.setenv("LIANGXIANG_TEST_URL", variable)
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert result.returncode == 1 and "site_url" in result.stderr and "是本机的地址" in result.stderr, result.stderr


def test_the_https_address_offered_for_an_http_one_drops_its_port(tmp_path):
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"].replace(
        "site_url: https://dj.qinghe.org.cn/dj/", "site_url: http://dj.qinghe.org.cn:8080/dj/")})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    assert "改成 https://dj.qinghe.org.cn/dj/" in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("setting, words, hint", [
    ("content", "members 设置写的“content”是一个文件夹，不是党员名单文件", "mkdocs.yml 旁边有 members.yaml：写 members: members.yaml"),
    ("''", "members 设置写的“”是一个文件夹", "写 members: members.yaml"),
    ("../members.yaml", "找不到 members 设置写的党员名单“../members.yaml”", "mkdocs.yml 旁边有 members.yaml：写 members: members.yaml"),
    ("content/zones/garden.yaml", "members 设置写的“content/zones/garden.yaml”是 content/ 里的记录，不是党员名单", "写 mkdocs.yml 旁边党员名单的文件名"),
    ("content/org.yaml", "是 content/ 里的单位信息，不是党员名单", "例如 members: members.yaml"),
])
def test_a_wrong_members_setting_is_one_error_at_the_setting_never_a_file_to_delete(tmp_path, setting, words, hint):
    """`members: content` was told to delete the content folder, `members: ../members.yaml` to move
    the roster out of the site, a zone file named there gave 82 errors (audit AS-H)."""
    root = write_site(tmp_path / "src", {"mkdocs.yml": FILES["mkdocs.yml"].replace(
        "  - liangxiang\n", f"  - liangxiang:\n      members: {setting}\n")})
    result = run("liangxiang", "validate", str(root), cwd=tmp_path)
    first = mistakes(result.stderr).splitlines()[0]
    assert result.returncode == 1 and first.startswith("mkdocs.yml:8:7: members:") and words in first and hint in first, result.stderr
    assert "删掉这个" not in result.stderr and "移到" not in result.stderr, result.stderr
    assert "一共有 1 处错误" in result.stderr + result.stdout, result.stderr


def test_validate_takes_the_config_file_itself_and_says_its_version(tmp_path):
    """`liangxiang validate site/mkdocs.yml` said the folder could not be found (audit AS-H)."""
    root = write_site(tmp_path / "src")
    result = run("liangxiang", "validate", str(root / "mkdocs.yml"), cwd=tmp_path)
    assert result.returncode == 0 and "内容检查通过" in result.stdout, result.stderr
    version = run("liangxiang", "--version", cwd=tmp_path)
    assert version.returncode == 0 and re.fullmatch(r"liangxiang \d+\.\d+\.\d+\n", version.stdout), version.stdout


def test_validate_says_it_is_making_the_print_fonts_on_a_first_run(tmp_path, monkeypatch, capsys):
    """Audit AS-Y L1: a first `validate` sat silent for 26 to 75 s while it made the print fonts, and
    looked hung; a build said it. The instances are copied here from the repository's cache, as
    fontTools would make them (the words are the point, not the 30 s)."""
    from liangxiang import cli
    from liangxiang.print import pool
    from liangxiang.print.fonts import WEIGHTS, prepare_fonts

    made = prepare_fonts(None, REPO, REPO / ".cache" / "liangxiang")
    faces = {WEIGHTS["regular"]: made.regular.path, WEIGHTS["bold"]: made.bold.path}

    def copied(self, function, jobs, apart=False):
        for _, _, weight, target in jobs:
            shutil.copyfile(faces[weight], target)
        return [None] * len(jobs)

    monkeypatch.setattr(pool.Workers, "map", copied)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # no instances shared from an earlier site
    root = write_site(tmp_path / "src")
    assert cli.main(["validate", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("亮相：从 NotoSansSC") and "做印刷用的常规体和粗体（只做一次" in out[0], out
    assert out[1].startswith("内容检查通过"), out
    assert cli.main(["validate", str(root)]) == 0  # made once: said once
    assert capsys.readouterr().out.startswith("内容检查通过"), "said again"


def test_a_git_repository_that_would_commit_the_built_site_is_told(tmp_path):
    """Audit AS-Y L7: a site written from the format alone, in git with no .gitignore: one build
    left site/ and .cache/ untracked, and the next `git add -A` committed tens of MB of PDFs."""
    root = write_site(tmp_path / "src")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    said = run("liangxiang", "validate", cwd=root)
    notices = [line for line in said.stdout.splitlines() if ".gitignore" in line]
    assert said.returncode == 0 and notices == [
        "提示（不影响生成）：mkdocs.yml:1:1: 这是一个 git 仓库，但 .gitignore 没有排除生成出来的 site/、.cache/liangxiang/："
        "git add -A 会把生成的网站和缓存（几十 MB 的 PDF 和照片）提交进去 (在仓库最上层的 .gitignore 里加上 /site/、/.cache/liangxiang/ 这几行"
        "（照着示例站点的 .gitignore）)"], said.stdout
    (root / ".gitignore").write_text("/site/\n/.cache/\n", encoding="utf-8")
    said = run("liangxiang", "validate", cwd=root)
    assert said.returncode == 0 and ".gitignore" not in said.stdout, said.stdout
