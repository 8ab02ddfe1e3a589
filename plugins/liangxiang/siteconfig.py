"""The site's mkdocs.yml, read as `mkdocs build` reads it, with what is wrong said in the editors' words.

MkDocs reports configuration mistakes in English, one sentence each; `liangxiang validate` and
`liangxiang new` say them in Chinese with the line of mkdocs.yml that holds the setting.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import yaml

from .problems import Location, Problem, did_you_mean

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
_BOOL_OR_TEXT = {"bool": "true 或 false", "str": "一段文字", "int": "一个整数", "list": "一个列表（每项一行，以“- ”开头）",
                 "dict": "几行“名称: 值”"}


# Settings that do not change how content is read: when only these are wrong, validate still
# checks the content, with these stand-ins, so that one run says every mistake.
_STAND_INS = {"site_name": "（网站名称）", "site_url": "https://site-url.stand-in/", "theme": {"name": "liangxiang"}, "use_directory_urls": True,
              "markdown_extensions": []}


class ConfigProblem(Exception):
    """mkdocs.yml cannot be read: the message is for the editor, one line per mistake. `usable` is
    a config to check content with anyway (with stand-ins for the wrong settings), or None."""

    def __init__(self, message: str, usable: tuple | None = None) -> None:
        super().__init__(message)
        self.usable = usable


def site_config(directory: Path) -> Path:
    """The site's config file: mkdocs.yml, or properdocs.yml for a site that builds with ProperDocs only."""
    for name in CONFIG_NAMES:
        if (directory / name).is_file():
            return directory / name
    return directory / "mkdocs.yml"


class _Warnings(logging.Handler):
    """What MkDocs warns of while it reads the config: `mkdocs build --strict` fails on each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(getattr(record, "as_written", record.getMessage()))  # worded below, each its own way


class _InWords(logging.Filter):
    """What MkDocs logs about mkdocs.yml, said at build time as `liangxiang validate` says it.
    MkDocs loads the plugin while it reads the config, and logs what it found wrong after."""

    def __init__(self) -> None:
        super().__init__()
        self.path: Path | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.path is not None and message.startswith("Config value '") and not hasattr(record, "as_written"):
            record.as_written = message
            record.msg, record.args = mkdocs_error(self.path, message), ()
        return True


_IN_WORDS = _InWords()


def say_config_problems_in_words(path: Path) -> None:
    """From now on, MkDocs' words about the config at path are the editors' (see _InWords)."""
    _IN_WORDS.path = path
    logger = logging.getLogger("mkdocs.config")
    if _IN_WORDS not in logger.filters:
        logger.addFilter(_IN_WORDS)


def load_site_config(path: Path):
    """The site's MkDocs config and this plugin's options, as `mkdocs build` would read them."""
    if not path.parent.is_dir():  # `liangxiang validate extra-arg`: the argument is the site's folder
        raise ConfigProblem(f"{path.parent}: 找不到文件夹“{path.parent}” (命令后面写站点目录，也就是 mkdocs.yml 所在的文件夹；"
                            "在站点目录里运行时什么都不用写)")
    if not path.is_file():
        above = next((parent for parent in path.resolve().parent.parents if site_config(parent).is_file()), None)
        hint = (f"mkdocs.yml 在上级文件夹 {above}：先 cd 到那里再运行" if above is not None
                else "在站点目录里运行，或写出站点目录，例如 liangxiang validate 站点目录")
        raise ConfigProblem(f"{path}: 找不到 mkdocs.yml（或 properdocs.yml） ({hint})")
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from .check.settings import URL_EXAMPLE, site_url_problem, written_site_url
    from .load.decoding import decode
    from .load.yamlfile import parse
    from .problems import Problems

    problems, shown = Problems(), path.name
    text = decode(path.read_bytes(), shown, problems)  # GBK from Notepad: said as for every file
    if text is None:
        raise ConfigProblem("\n".join(map(str, problems)))
    _refuse_code(text, shown)
    warnings = _Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        # hooks are Python files MkDocs imports: checking content must not run them (nor a python tag, above)
        config = load_config(config_file=str(path), hooks=[])
    except (ConfigurationError, Abort) as error:  # MkDocs logs what is wrong, then aborts
        said = list(warnings.messages) or [str(error)]  # a copy: reading again below is heard by the same handler
        if not any(message.startswith("Config value 'site_url'") for message in said):
            doc = parse(text, shown, problems)  # a YAML mistake (tabs, full-width colons) in the editors' words
            if problems:  # (a tag such as !ENV, which this parser refuses, shows MkDocs' own message instead)
                usable, besides = _read_past(path, text, doc)
                raise ConfigProblem("\n".join([*map(str, problems), *(mkdocs_error(path, message) for message in besides)]), usable) from None
        usable, more = _with_stand_ins(path, said)  # MkDocs stops at its first wrong setting: the others too

        def worded(message: str) -> str:
            if message.startswith("Config value 'site_url'"):
                wrong = site_url_problem(written_site_url(text)) or message
                return f"{Location.of_setting(path, 'site_url')}: site_url: {wrong} ({URL_EXAMPLE})"
            return mkdocs_error(path, message)

        messages = [worded(message) for message in [*said, *more]]
        messages.sort(key=lambda text: int(at.group(1)) if (at := re.match(rf"{re.escape(path.name)}:(\d+):", text)) else 0)  # as written
        raise ConfigProblem("\n".join(messages), usable) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    plugin = config.plugins.get("liangxiang")
    if plugin is None:  # the content is checked as the plugin would read it with its defaults
        raise ConfigProblem(_without_plugin(path), (config, _default_options()))
    if warnings.messages:  # a strict build fails on them (an unknown option, a typo in one)
        raise ConfigProblem("\n".join(mkdocs_error(path, message) for message in warnings.messages),
                            (config, plugin.config))
    return config, plugin.config


def _with_stand_ins(path: Path, said: list[str]) -> tuple[tuple | None, list[str]]:
    """The config read again with stand-ins for the settings MkDocs refused, when all of them are
    ones content does not depend on (None when not); and what MkDocs then says is wrong besides,
    as it stops at the first wrong setting, read again with a stand-in for each in turn."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    more: list[str] = []
    for _ in range(len(_STAND_INS) + 1):
        wrong = {found.group(1) for message in [*said, *more] if (found := re.match(r"Config value '(\w+)'", message))}
        stand_ins = {name: _STAND_INS[name] for name in wrong if name in _STAND_INS}
        if "plugins" in wrong and (plugins := _plugins_without_wrong_options(path, [*said, *more])) is not None:
            stand_ins["plugins"] = plugins
        if not wrong or wrong != stand_ins.keys():
            return None, more
        quiet = _Warnings()  # said once already
        logging.getLogger("mkdocs").addHandler(quiet)
        try:
            config = load_config(config_file=str(path), hooks=[], **stand_ins)
        except (ConfigurationError, Abort) as error:
            new = [message for message in (quiet.messages or [str(error)]) if message not in [*said, *more]]
            if not new:
                return None, more
            more += new
            continue
        finally:
            logging.getLogger("mkdocs").removeHandler(quiet)
        plugin = config.plugins.get("liangxiang")
        return ((config, plugin.config) if plugin is not None else None), more
    return None, more


def _default_options():
    from .plugin import LiangxiangPlugin

    plugin = LiangxiangPlugin()
    plugin.load_config({})
    return plugin.config


def _read_past(path: Path, text: str, doc) -> tuple[tuple | None, list[str]]:
    """The config as read past its YAML mistakes (see load.recovery), when every line set aside
    stands under a setting content does not depend on (`site_name： …`): that setting's stand-in
    in its place; None when any other setting was set aside. And what MkDocs warns of besides."""
    if doc is None or not isinstance(doc.data, dict):
        return None, []
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    tops = sorted((line, key[0]) for key, (line, _) in doc.source.positions.items() if len(key) == 1)
    doc_lines = text.split("\n")
    keys = {next((key for line, key in reversed(tops) if line == aside or line < aside and doc_lines[aside - 1][:1] in (" ", "\t")), None)
            for aside in doc.source.set_aside if aside <= len(doc_lines)}  # a line at the margin, not a key: no telling what it set
    if not keys <= _STAND_INS.keys():
        return None, []
    stream = io.StringIO(yaml.safe_dump({**doc.data, **{key: _STAND_INS[key] for key in keys}}, allow_unicode=True))
    stream.name = str(path)  # docs_dir and the rest are found beside it
    besides = _Warnings()
    logging.getLogger("mkdocs").addHandler(besides)
    try:
        config = load_config(config_file=stream, hooks=[])
    except (ConfigurationError, Abort, yaml.YAMLError):  # said once the file reads
        return None, []
    finally:
        logging.getLogger("mkdocs").removeHandler(besides)
    plugin = config.plugins.get("liangxiang")
    return ((config, plugin.config) if plugin is not None else None), besides.messages


def _plugins_without_wrong_options(path: Path, said: list[str]) -> list | dict | None:
    """`plugins:` as written, without the liangxiang options said to be wrong (content does not
    depend on a misspelt one); None if something else about plugins is wrong."""
    parts = [part for message in said if message.startswith("Config value 'plugins'") for part in _option_parts(message)]
    wrong = {found.group(1) for part in parts if (found := re.search(r"Plugin 'liangxiang' option '(\w+)'", part))}
    if len(wrong) != len(parts):
        return None
    written = written_setting(path, "plugins")

    def kept(entry):
        if isinstance(entry, dict) and isinstance(entry.get("liangxiang"), dict):
            return {**entry, "liangxiang": {k: v for k, v in entry["liangxiang"].items() if k not in wrong}}
        return entry

    if isinstance(written, list):
        return [kept(entry) for entry in written]
    return kept(written) if isinstance(written, dict) else None


def _option_parts(message: str) -> list[str]:
    """MkDocs says all of a plugin's wrong options in one message, one line each."""
    return re.split(r"\n(?=Plugin '[^']+' option ')", message)


def plugin_option_problem(path: Path, name: str, message: str) -> str:
    """What MkDocs says about one of the plugin's options, in the editors' words (for the build)."""
    return mkdocs_error(path, f"Plugin 'liangxiang' option '{name}': {message}")


def mkdocs_error(path: Path, message: str) -> str:
    """One of MkDocs' configuration errors in an editor's words, at the line that sets it."""
    if (twice := re.search(r"Plugin '([^']+)' was specified multiple times", message)) is not None:
        return plugin_twice_problem(path, twice.group(1))
    if len(parts := _option_parts(message)) > 1:
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
            return f"{Location.of_setting(path, name)}: {name}: liangxiang 插件的设置 {name} 只能写 {allowed}（现在是 {choice.group(2)}） (改成 {name}: {allowed.split('、')[0]}，或删掉这一行)"
        return f"{Location.of_setting(path, name)}: {name}: liangxiang 插件的设置 {name} 写法不对：{said} (对照 README 里的插件设置改正，或删掉这一行)"
    if "Invalid Plugins configuration" in message and (outdented := _plugin_option_outdented(path)) is not None:
        return outdented
    found = re.match(r"(?:Error reading config file|Config value '(\w+)'): (.*)", message, re.S)
    if "Expected a key-value mapping" in message:  # a list, or only text, where settings go
        return f"{path.name}: mkdocs.yml 要一行写一个设置，例如 site_name: …、site_url: https://… (不要以“- ”开头；可以照着示例站点的 mkdocs.yml 改)"
    if found is None:
        return f"{path.name}: mkdocs.yml 有错误：{message}"
    name, said = found.group(1) or "-", found.group(2).strip()
    where = Location.of_setting(path, name) if name != "-" else Location(path.name)
    item = re.match(r'The "([^"]+)" plugin is not installed|Failed to load extension \'([^\']*)\'', said)
    if item is not None:
        where = item_location(path, item.group(1) or item.group(2)) or where
    return str(Problem(where, name, _in_words(path, name, said)))


def _in_words(path: Path, name: str, said: str) -> str:
    if said.startswith("Required configuration not provided"):
        example = {"site_name": "site_name: 某某党委 · 党员责任区"}.get(name, f"{name}: ……")
        return f"mkdocs.yml 必须写 {name} (例如 {example})"
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
        return f"{name} 的每一项单独写一行，以“- ”开头 (例如 {name}: 的下一行写“  - {example}”；对照原来的 mkdocs.yml 改回去)"
    if said.startswith("Invalid config options") or "must be a" in said or "Expected" in said:
        return f"{name} 写法不对：{said} (对照原来的 mkdocs.yml 改回去，或删掉这一项)"
    return f"mkdocs.yml 的 {name} 有错误：{said} (检查拼写，或删掉这一项)"


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
        return f"找不到 custom_dir 写的文件夹“{Path(folder.group(1)).name}” (custom_dir 写相对 mkdocs.yml 的文件夹，例如 overrides；不需要的话删掉这一行)"
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
        folders = [child.name for child in path.parent.iterdir() if child.is_dir() and not child.name.startswith(".")]
        hint = did_you_mean(written, folders) or "docs_dir 写放 org.yaml 和 zones/ 的文件夹，通常是 content"
        return f"{Location.of_setting(path, 'docs_dir')}: docs_dir: 找不到内容文件夹“{written}” ({hint})"
    if "Config value 'site_dir'" in error and "within the 'docs_dir'" in error:
        return (f"{Location.of_setting(path, 'site_dir')}: site_dir: 生成的网站文件夹 site_dir 不能放在内容文件夹 docs_dir 里面"
                " (删掉 site_dir 使用默认的 site，或写一个 content 以外的文件夹)")
    return None


def _unknown_setting(path: Path, message: str) -> str:
    """MkDocs' warning about a setting it does not know, in the editors' words, with its line."""
    from mkdocs.config.defaults import MkDocsConfig

    from .plugin import LiangxiangConfig

    found = re.search(r"(Plugin 'liangxiang' option '\w+': )?Unrecognised configuration name: (\S+)", message)
    if found is None:
        return f"{path.name}: mkdocs.yml 的设置有问题：{message} (检查拼写，或删掉这一项)"
    name, plugin = found.group(2), found.group(1) is not None
    known = [key for key, _ in (LiangxiangConfig if plugin else MkDocsConfig)._schema]
    owner = "liangxiang 插件" if plugin else "mkdocs.yml 里"
    return (f"{Location.of_setting(path, name)}: {name}: {owner}没有“{name}”这个设置"
            f" ({did_you_mean(name, known) or '检查拼写，或删掉这一行'})")


def missing_hook(path: Path, hook: str) -> Problem:
    """A file listed under hooks that is not there."""
    where = item_location(path, hook) or Location.of_setting(path, "hooks")
    return Problem(where, "hooks", f"找不到 hooks 里写的文件“{hook}”",
                   "把这个文件加回去，或删掉 hooks 下的这一行（它是给网站加功能的 Python 文件，路径相对于 mkdocs.yml）")


def _without_plugin(path: Path) -> str:
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
    return f"{Location.of_setting(path, 'plugins')}: plugins: mkdocs.yml 没有启用 liangxiang 插件 (在 plugins 下加一行 - liangxiang)"


def plugin_twice_problem(path: Path, name: str) -> str:
    """A plugin listed twice in mkdocs.yml: each copy would run every stage of the build."""
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines() if path.is_file() else []
    listed = [number for number, text in enumerate(lines, 1) if re.match(rf"\s*-\s*{re.escape(name)}\s*(:|$)", text)]
    where = Location(path.name, listed[-1], lines[listed[-1] - 1].index("-") + 1) if len(listed) > 1 else Location.of_setting(path, "plugins")
    return f"{where}: plugins: 插件 {name} 写了两次 (删掉这一行，只留一个 - {name})"


def _refuse_code(text: str, shown: str) -> None:
    """MkDocs reads mkdocs.yml with a loader that runs `!!python/...` tags: validate is what checks
    a change before anyone builds it, so it reads the file safely first and refuses them."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: nothing is constructed
    except yaml.YAMLError:
        return  # said below, in the editors' words
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.tag.startswith("tag:yaml.org,2002:python/"):
            line = node.start_mark.line + 1
            raise ConfigProblem(f"{shown}:{line}:{node.start_mark.column + 1}: mkdocs.yml 里有会运行程序的标记“!!{node.tag.removeprefix('tag:yaml.org,2002:')}”"
                                " (删掉这个标记：mkdocs.yml 只写设置；这样的改动不要构建，先请管理员看)")
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def served_address(config) -> bool:
    """Whether site_url is `mkdocs serve`'s own address (http://127.0.0.1:8000/), set in place of the setting."""
    host, port = config.dev_addr
    return (config.site_url or "").startswith(f"http://{host}:{port}/")


def printed_site_url(config) -> str:
    """The address printed in QR codes: site_url as mkdocs.yml sets it. `mkdocs serve` replaces
    the setting with its own (http://127.0.0.1:8000/), which a sign bolted to a wall must never
    hold: a PDF downloaded from the preview goes to the print shop like any other."""
    from mkdocs.utils.yaml import yaml_load  # reads INHERIT and !ENV as MkDocs does

    if not served_address(config):
        return ascii_url(config.site_url or "")  # a build: the setting as written (no second read of mkdocs.yml)
    path = Path(config.config_file_path or "")
    try:
        with path.open("rb") as source:
            written = yaml_load(source).get("site_url")
    except Exception:  # unreadable here means MkDocs read it some other way: its value stands
        written = None
    if not isinstance(written, str) or not written.strip():
        return config.site_url or ""
    written = written.strip()
    return ascii_url(written if written.endswith("/") else written + "/")


def ascii_url(url: str) -> str:
    """The address as a phone's scanner opens it: a Chinese host in its xn-- form (党建.华宁.cn is
    xn--...), other characters of the path percent-encoded. Some scanners show such an address as
    text rather than a link."""
    from urllib.parse import quote, urlsplit, urlunsplit

    if url.isascii():
        return url
    parts = urlsplit(url)
    try:
        host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    except UnicodeError:
        return url  # not a host a browser could open either: site_url's own check says so
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe="/%"), quote(parts.query, safe="=&%"), ""))
