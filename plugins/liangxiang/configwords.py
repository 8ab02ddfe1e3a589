"""MkDocs' English about mkdocs.yml in the editors' words, at the line that holds the setting.

MkDocs reports a configuration mistake in one English sentence ("Config value 'docs_dir': The
path ... isn't an existing directory"); these say it in Chinese, with what to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Location, Problem, did_you_mean

_BOOL_OR_TEXT = {"bool": "true 或 false", "str": "一段文字", "int": "一个整数", "list": "一个列表（每项一行，以“- ”开头）",
                 "dict": "几行“名称: 值”"}


def option_parts(message: str) -> list[str]:
    """MkDocs says all of a plugin's wrong options in one message, one line each."""
    return re.split(r"\n(?=Plugin '[^']+' option ')", message)


def plugin_option_problem(path: Path, name: str, message: str) -> str:
    """What MkDocs says about one of the plugin's options, in the editors' words (for the build)."""
    return mkdocs_error(path, f"Plugin 'liangxiang' option '{name}': {message}")


def mkdocs_error(path: Path, message: str) -> str:
    """One of MkDocs' configuration errors in an editor's words, at the line that sets it."""
    if (twice := re.search(r"Plugin '([^']+)' was specified multiple times", message)) is not None:
        return plugin_twice_problem(path, twice.group(1))
    if len(parts := option_parts(message)) > 1:
        return "\n".join(mkdocs_error(path, part) for part in parts)
    worded = re.search(rf"Plugin 'liangxiang' option '\w+': ({re.escape(path.name)}:.*)", message, re.S)
    if worded is not None:  # said by the plugin itself (plugin_option_problem)
        return worded.group(1)
    if "Unrecognised configuration name" in message:
        return _unknown_setting(path, message)
    if (said := _folder_problem(path, message)) is not None:
        return said
    if (hook := re.search(r"Config value 'hooks': The path '([^']*)' isn't an existing file", message)) is not None:
        written = Path(hook.group(1))
        return str(missing_hook(path, str(written.relative_to(path.parent.resolve())) if written.is_relative_to(path.parent.resolve()) else str(written)))
    option = re.search(r"Plugin 'liangxiang' option '(\w+)': Expected type: <class '(\w+)'>", message)
    if option is not None:  # printables: "yes", bleed: 1
        name, wanted = option.groups()
        said = {"bool": " true 或 false", "str": "一个文件或文件夹的路径"}.get(wanted, f" {wanted}")
        example = "true" if wanted == "bool" else {"members": "members.yaml", "cache_dir": ".cache/liangxiang"}.get(name, "fonts/my.ttf")
        return f"{Location.of_setting(path, name)}: {name}: liangxiang 插件的设置 {name} 要写{said} (例如 {name}: {example})"
    option = re.search(r"Plugin 'liangxiang' option '(\w+)': (.*)", message, re.S)
    if option is not None:  # lang: en
        name, said = option.groups()
        if (choice := re.match(r"Expected one of: \[(.*)\] but received: (.*)", said)) is not None:
            allowed = "、".join(re.findall(r"'([^']*)'", choice.group(1)))
            return f"{Location.of_setting(path, name)}: {name}: liangxiang 插件的设置 {name} 只能写 {allowed}（现在是“{choice.group(2).strip().strip(chr(39)).strip(chr(34))}”） (改成 {name}: {allowed.split('、')[0]}，或删掉这一行)"
        return f"{Location.of_setting(path, name)}: {name}: liangxiang 插件的设置 {name} 写法不对：{said} (对照 README 里的插件设置改正，或删掉这一行)"
    if "Invalid Plugins configuration" in message and (outdented := _plugin_option_outdented(path)) is not None:
        return outdented
    if "Invalid config options for the 'liangxiang' plugin" in message and (listed := _plugin_options_listed(path)) is not None:
        return listed
    found = re.match(r"(?:Error reading config file|Config value '(\w+)'): (.*)", message, re.S)
    if "Expected a key-value mapping" in message:  # a list, or only text, where settings go
        return f"{path.name}: {path.name} 要一行写一个设置，例如 site_name: …、site_url: https://… (不要以“- ”开头；可以照着示例站点的 mkdocs.yml 改)"
    if found is None:
        return f"{path.name}: {path.name} 有错误：{message}"
    name, said = found.group(1) or "-", found.group(2).strip()
    where = Location.of_setting(path, name) if name != "-" else Location(path.name)
    item = re.match(r'The "([^"]+)" plugin is not installed|Failed to load extension \'([^\']*)\'', said)
    if item is not None:
        where = item_location(path, item.group(1) or item.group(2)) or where
    return str(Problem(where, name, _in_words(path, name, said)))


def _in_words(path: Path, name: str, said: str) -> str:
    if said.startswith("Required configuration not provided"):
        example = {"site_name": "site_name: 某某党委 · 党员责任区"}.get(name, f"{name}: ……")
        return f"{path.name} 必须写 {name} (例如 {example})"
    if (wrong := re.match(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>", said)) is not None:
        wanted = _BOOL_OR_TEXT.get(wrong.group(1), wrong.group(1))
        return f"{name} 要写 {wanted} (例如 {name}: {'true' if wrong.group(1) == 'bool' else '……'})"
    if (plugin := re.match(r'The "([^"]+)" plugin is not installed', said)) is not None:
        from mkdocs.plugins import get_plugins

        written = plugin.group(1)
        hint = did_you_mean(written, get_plugins()) or "检查拼写；这个网站只需要 - liangxiang"
        return f"没有安装名为“{written}”的插件 ({hint})"
    if (theme := re.match(r"Unrecognised theme name: '([^']*)'", said)) is not None:
        written = theme.group(1)
        return f"没有名为“{written}”的主题 (写 theme: {{name: liangxiang}}，亮相自带的主题；{did_you_mean(written, ['liangxiang']) or '其他主题不显示党员和责任区'})"
    if name == "theme" and (worded := _theme_problem(path, said)):
        return worded
    if (extension := re.match(r"Failed to load extension '([^']*)'", said)) is not None:
        written = extension.group(1)
        known = ["abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "meta",
                 "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks"]
        return f"找不到 Markdown 扩展“{written}” ({did_you_mean(written, known) or '检查拼写，或删掉这一行'})"
    if "Expected a list" in said:
        example = {"plugins": "liangxiang", "markdown_extensions": "tables"}.get(name, "……")
        return f"{name} 的每一项单独写一行，以“- ”开头 (例如 {name}: 的下一行写“  - {example}”；对照原来的 {path.name} 改回去)"
    if said.startswith("Invalid config options") or "must be a" in said or "Expected" in said:
        return f"{name} 写法不对：{said} (对照原来的 {path.name} 改回去，或删掉这一项)"
    return f"{path.name} 的 {name} 有错误：{said} (检查拼写，或删掉这一项)"


def _theme_problem(path: Path, said: str) -> str:
    """MkDocs' English for a theme without its name, or with a custom_dir that is not there."""
    if said.startswith(("No theme name set", "At least one of 'name'")):
        written = written_setting(path, "theme")
        keys = [key for key in written if isinstance(key, str)] if isinstance(written, dict) else []
        typo = next((key for key in keys if key != "name" and did_you_mean(key, ["name"])), None)
        if "name" in keys:
            return "theme 的主题名称 name 没有填写 (写成 name: liangxiang)"
        if typo is not None:
            return f"theme 下面少了主题名称 name (“{typo}”拼错了：写成 name: liangxiang)"
        return "theme 下面少了主题名称 name (在 theme: 的下一行缩进两个空格写 name: liangxiang)"
    if (folder := re.match(r"The path set in custom_dir \('(.*)'\) does not exist", said)) is not None:
        return f"找不到 custom_dir 写的文件夹“{Path(folder.group(1)).name}” (custom_dir 写相对 {path.name} 的文件夹，例如 overrides；不需要的话删掉这一行)"
    if said.startswith("Invalid type"):
        return "theme 写法不对 (写成 theme: 下一行缩进两个空格写 name: liangxiang)"
    return ""


def written_setting(path: Path, name: str):
    """A top-level setting of mkdocs.yml as written (None when the file cannot be read plainly)."""
    import yaml

    try:
        written = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return None
    return written.get(name) if isinstance(written, dict) else None


def _plugin_option_outdented(path: Path) -> str | None:
    """`- liangxiang:` with its option under it at the same indent (`bleed: true` four spaces in, not
    six): YAML reads the option as a second plugin of the item, and MkDocs says "Invalid Plugins configuration"."""
    for item in written_setting(path, "plugins") or []:
        if not isinstance(item, dict) or len(item) < 2:
            continue
        plugin, option = list(item)[:2]
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
        listed = item_location(path, str(plugin)) or Location(path.name, 1, 1)
        number, found = next(((number, found) for number, text in enumerate(lines[(listed.line or 1) - 1:], listed.line or 1)
                              if (found := re.match(rf"( *){re.escape(str(option))}\s*:", text))), (listed.line, None))
        indent = len(found.group(1)) if found else 0
        more = max(2, (listed.col or 1) + 1 - indent)  # under the plugin's name, two further in
        return (f"{Location(path.name, number, indent + 1)}: {option}: “{option}”是 {plugin} 插件的设置，缩进不够，被当成了另一个插件"
                f" (在这一行前面再加 {more} 个空格，让“{option}”比上面的“{plugin}”多缩进两格)")
    return None


def _plugin_options_listed(path: Path) -> str | None:
    """`- liangxiang:` with `- bleed: true` under it: the "- " copied from the plugins list makes
    the options a list, which MkDocs refuses in English ("Invalid config options")."""
    for item in written_setting(path, "plugins") or []:
        if not isinstance(item, dict) or not isinstance(item.get("liangxiang"), list):
            continue
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
        listed = item_location(path, "liangxiang") or Location(path.name, 1, 1)
        number, found = next(((number, found) for number, text in enumerate(lines[listed.line or 1:], (listed.line or 1) + 1)
                              if (found := re.match(r"( *)-(?:[ \t]+(.*?))?[ \t]*$", text))), (listed.line, None))
        written = (found.group(2) or "") if found else ""
        example = f"写成“{written}”" if re.match(r"[\"']?\w+[\"']?\s*:", written) else "每个设置写成“名称: 值”，例如 printables: false"
        return (f"{Location(path.name, number, len(found.group(1)) + 1 if found else 1)}: plugins: liangxiang 插件的设置前面不要写“- ”"
                f" ({example}，比上面的 liangxiang 多缩进两格；每个设置一行，都不带“- ”)")
    return None


def echoes(message: str, before: str) -> bool:
    """A message of MkDocs' that only follows from the one before it: with docs_dir ".", the
    site_dir inside it (one mistake, said at docs_dir)."""
    return ("Config value 'site_dir'" in message and "within the 'docs_dir'" in message
            and "Config value 'docs_dir'" in before and "parent directory of the config file" in before)


def item_location(path: Path, item: str) -> Location | None:
    """The line of mkdocs.yml that lists item (`- item` or `- item:`), if one does."""
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    for number, text in enumerate(lines, 1):
        if (found := re.match(rf"(\s*-\s*){re.escape(item)}\s*(:|$)", text)) is not None:
            return Location(path.name, number, len(found.group(1)) + 1)
    return None


def _folder_problem(path: Path, error: str) -> str | None:
    """MkDocs' English for a docs_dir that is not there, or a site_dir inside it, in an editor's words."""
    missing = re.search(r"Config value 'docs_dir': The path '([^']*)' isn't an existing directory", error)
    if missing is not None:
        written = Path(missing.group(1)).name
        where = Location.of_setting(path, "docs_dir")
        holding = sorted(org.parent.name for org in path.parent.glob("*/org.yaml"))
        if not where.line and written == "docs":  # not written: MkDocs looks for docs/, the format keeps content/
            hint = f"在 {path.name} 里加一行 docs_dir: {holding[0] if len(holding) == 1 else 'content'}（放 org.yaml 和 zones/ 的文件夹）"
            return f"{where}: docs_dir: {path.name} 没有写内容文件夹 docs_dir，MkDocs 就找“docs”文件夹，没有找到 ({hint})"
        folders = [child.name for child in path.parent.iterdir() if child.is_dir() and not child.name.startswith(".")]
        hint = (did_you_mean(written, folders) or (f"写 docs_dir: {holding[0]}，放 org.yaml 的文件夹" if len(holding) == 1 else "")
                or "docs_dir 写放 org.yaml 和 zones/ 的文件夹，通常是 content")
        return f"{where}: docs_dir: 找不到内容文件夹“{written}” ({hint})"
    if "Config value 'docs_dir'" in error and "parent directory of the config file" in error:  # docs_dir: .
        holding = sorted(org.parent.name for org in path.parent.glob("*/org.yaml"))
        hint = (f"写 docs_dir: {holding[0]}，放 org.yaml 的文件夹" if len(holding) == 1
                else f"写 docs_dir: content，把 org.yaml、zones/ 和照片放进 {path.name} 旁边的 content 文件夹")
        return f"{Location.of_setting(path, 'docs_dir')}: docs_dir: 内容文件夹 docs_dir 不能是 {path.name} 所在的文件夹，也不能在它上面 ({hint})"
    if "Config value 'site_dir'" in error and "within the 'docs_dir'" in error:
        return (f"{Location.of_setting(path, 'site_dir')}: site_dir: 生成的网站文件夹 site_dir 不能放在内容文件夹 docs_dir 里面"
                " (删掉 site_dir 使用默认的 site，或写一个 content 以外的文件夹)")
    return None


def _unknown_setting(path: Path, message: str) -> str:
    """MkDocs' warning about a setting it does not know, in the editors' words, with its line."""
    from mkdocs.config.defaults import MkDocsConfig

    from .plugin import LiangxiangConfig

    spaced = re.search(r"Unrecognised configuration name: ([^\S ]+)(\S+)", message)
    if spaced is not None:  # "\xa0\xa0name": indented with spaces pasted from a web page, a key to MkDocs
        from .load.typography import SPACE_NAMES
        from .load.yamlfile import parse
        from .problems import Problems

        text = path.read_text(encoding="utf-8-sig")
        lines = text.split("\n")
        number = next((n for n, line in enumerate(lines, 1) if line.startswith(spaced.group(1) + spaced.group(2))), None)
        space = SPACE_NAMES.get(spaced.group(1)[0], "看不见的空白")
        read = Problems()  # the file as validate reads it: the setting at its whole path (theme.name)
        parse(text, path.name, read, tabs_read=False)
        name = next((problem.field for problem in read.items if problem.where.line == number and problem.message.startswith("缩进里有")),
                    spaced.group(2).rstrip(":"))
        return (f"{path.name}:{number or 1}:1: {name}: 缩进里有{space}"
                " (YAML 只能用半角空格缩进：删掉这一行开头的空白，重新用空格键缩进（通常每层 2 个）)")
    found = re.search(r"(Plugin 'liangxiang' option '\w+': )?Unrecognised configuration name: (\S+)", message)
    if found is None:
        return f"{path.name}: {path.name} 的设置有问题：{message} (检查拼写，或删掉这一项)"
    name, plugin = found.group(2), found.group(1) is not None
    known = [key for key, _ in (LiangxiangConfig if plugin else MkDocsConfig)._schema]
    owner = "liangxiang 插件" if plugin else f"{path.name} 里"
    return (f"{Location.of_setting(path, name)}: {name}: {owner}没有“{name}”这个设置"
            f" ({did_you_mean(name, known) or '检查拼写，或删掉这一行'})")


def missing_hook(path: Path, hook: str) -> Problem:
    """A file listed under hooks that is not there."""
    where = item_location(path, hook) or Location.of_setting(path, "hooks")
    return Problem(where, "hooks", f"找不到 hooks 里写的文件“{hook}”",
                   f"把这个文件加回去，或删掉 hooks 下的这一行（它是给网站加功能的 Python 文件，路径相对于 {path.name}）")


def without_plugin(path: Path) -> str:
    """The plugin is not in the config: not listed, or listed with `enabled: false`."""
    written = written_setting(path, "plugins")
    entries = written if isinstance(written, list) else [{key: value} for key, value in written.items()] if isinstance(written, dict) else []
    options = next((entry["liangxiang"] for entry in entries if isinstance(entry, dict) and "liangxiang" in entry), None)
    if isinstance(options, dict) and options.get("enabled") is False:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
        line = next((number for number, text in enumerate(lines, 1) if re.match(r"\s*enabled\s*:", text)), 0)
        where = Location(path.name, line, lines[line - 1].index("enabled") + 1) if line else Location.of_setting(path, "plugins")
        return (f"{where}: enabled: liangxiang 插件写了 enabled: false，网站就生成不了"
                " (删掉这一行；只是不想生成标志牌和桌牌的话，写 printables: false)")
    return f"{Location.of_setting(path, 'plugins')}: plugins: {path.name} 没有启用 liangxiang 插件 (在 plugins 下加一行 - liangxiang)"


def plugin_twice_problem(path: Path, name: str) -> str:
    """A plugin listed twice in mkdocs.yml: each copy would run every stage of the build."""
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines() if path.is_file() else []
    listed = [number for number, text in enumerate(lines, 1) if re.match(rf"\s*-\s*{re.escape(name)}\s*(:|$)", text)]
    where = Location(path.name, listed[-1], lines[listed[-1] - 1].index("-") + 1) if len(listed) > 1 else Location.of_setting(path, "plugins")
    return f"{where}: plugins: 插件 {name} 写了两次 (删掉这一行，只留一个 - {name})"
