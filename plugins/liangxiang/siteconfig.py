"""The site's mkdocs.yml, read as `mkdocs build` reads it, with what is wrong said in the editors' words.

MkDocs stops at the first wrong setting; this reads on past it (with stand-ins for settings the
content does not depend on), so that `liangxiang validate` says every mistake in one run, each
worded by configwords. Also: the address QR codes print (printed_site_url).
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import yaml

from .configwords import echoes, mkdocs_error, option_parts, without_plugin, written_setting
from .engine import engine_logger
from .problems import Location

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


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
        self.said: list[str] = []  # as worded, since `mkdocs serve` last asked (serve.Preview says the rest)
        self.last = ""  # MkDocs' last message about the config, as it wrote it

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.path is not None and message.startswith("Config value '") and not hasattr(record, "as_written"):
            before, self.last = self.last, message
            if echoes(message, before):
                return False
            record.as_written = message
            record.msg, record.args = mkdocs_error(self.path, message), ()
            self.said.append(record.msg)
        return True


_IN_WORDS = _InWords()


def config_problems_said() -> list[str]:
    """What the engine said of mkdocs.yml, in the editors' words, since the last call."""
    said, _IN_WORDS.said, _IN_WORDS.last = _IN_WORDS.said, [], ""  # the next read of mkdocs.yml starts afresh
    return said


def say_config_problems_in_words(path: Path) -> None:
    """From now on, MkDocs' words about the config at path are the editors' (see _InWords)."""
    _IN_WORDS.path = path
    logger = engine_logger(".config")
    if _IN_WORDS not in logger.filters:
        logger.addFilter(_IN_WORDS)


_reading = 0  # load_site_config is reading mkdocs.yml: MkDocs' reading loads the plugin, which must not read it again


def content_problems_besides(path: Path) -> list:
    """The content's problems, read as `liangxiang validate` reads them when mkdocs.yml has
    mistakes of its own that content does not depend on (a misspelt plugin option): `mkdocs build`,
    which stops there, says them too, and one run says every mistake. Empty while validate reads."""
    if _reading:
        return []
    # MkDocs says mkdocs.yml's mistakes once, as it goes on reading it after this: not heard here
    logger, said_before = engine_logger(), (_IN_WORDS.said, _IN_WORDS.last)
    heard = logger.handlers[:]
    for handler in heard:
        logger.removeHandler(handler)
    try:
        load_site_config(path)
        return []  # nothing wrong on a second look: the build goes on and reads the content itself
    except ConfigProblem as problem:
        usable = problem.usable
    finally:
        for handler in heard:
            logger.addHandler(handler)
        _IN_WORDS.said, _IN_WORDS.last = said_before
    if usable is None:
        return []
    from .pipeline import read_site
    from .print import check_printables
    from .problems import ContentError

    try:
        check_printables(read_site(*usable), *usable)
    except ContentError as error:
        return error.problems
    return []


def load_site_config(path: Path):
    """The site's MkDocs config and this plugin's options, as `mkdocs build` would read them."""
    global _reading
    _reading += 1
    # MkDocs' words are said of this file while it is read (not of one read before in this process)
    earlier, _IN_WORDS.path = _IN_WORDS.path, path
    try:
        return _load_site_config(path)
    finally:
        _reading -= 1
        _IN_WORDS.path = earlier


def _load_site_config(path: Path):
    if not path.parent.is_dir():  # `liangxiang validate extra-arg`: the argument is the site's folder
        raise ConfigProblem(f"{path.parent}: 找不到文件夹“{path.parent}” (命令后面写站点目录，也就是 mkdocs.yml 所在的文件夹；"
                            "在站点目录里运行时什么都不用写)")
    if not path.is_file():
        above = next((parent for parent in path.resolve().parent.parents if site_config(parent).is_file()), None)
        hint = (f"mkdocs.yml 在上级文件夹 {above}：先 cd 到那里再运行" if above is not None
                else "在站点目录里运行，或写出站点目录，例如 liangxiang validate 站点目录")
        if path.name not in ("mkdocs.yml", "properdocs.yml"):  # -f nope.yml: the file named (audit AS-B 11)
            raise ConfigProblem(f"{path}: 找不到配置文件“{path.name}” (检查 -f 后面的文件名；不写 -f 时用站点目录里的 mkdocs.yml)")
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
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):  # saved empty, or all commented out
        raise ConfigProblem(f"{shown}: {shown} 是空的，没有任何设置 (如果是误删了内容，用 git 恢复它（git checkout -- {shown}）；"
                            "新建网站的话，照本仓库的 mkdocs.yml 写 site_name、site_url、docs_dir、theme 和 plugins)")
    _refuse_code(text, shown)
    warnings = _Warnings()
    engine_logger().addHandler(warnings)
    try:
        # hooks are Python files MkDocs imports: checking content must not run them (nor a python tag, above)
        config = load_config(config_file=str(path), hooks=[])
    except (ConfigurationError, Abort) as error:  # MkDocs logs what is wrong, then aborts
        said = list(warnings.messages) or [str(error)]  # a copy: reading again below is heard by the same handler
        if not any(message.startswith("Config value 'site_url'") for message in said):
            doc = parse(text, shown, problems, tabs_read=False)  # a YAML mistake (tabs, full-width colons) in the editors' words
            if problems:  # (a tag such as !ENV, which this parser refuses, shows MkDocs' own message instead)
                usable, besides = _read_past(path, text, doc)
                raise ConfigProblem("\n".join([*map(str, problems), *(mkdocs_error(path, message) for message in besides)]), usable) from None
        usable, more = _with_stand_ins(path, said)  # MkDocs stops at its first wrong setting: the others too

        def worded(message: str) -> str:
            if message.startswith("Config value 'site_url'"):
                wrong = site_url_problem(written_site_url(text)) or message
                return f"{Location.of_setting(path, 'site_url')}: site_url: {wrong} ({URL_EXAMPLE})"
            return mkdocs_error(path, message)

        written = [*said, *more]
        messages = [worded(message) for before, message in zip(["", *written], written) if not echoes(message, before)]
        messages.sort(key=lambda text: int(at.group(1)) if (at := re.match(rf"{re.escape(path.name)}:(\d+):", text)) else 0)  # as written
        raise ConfigProblem("\n".join(messages), usable) from None
    finally:
        engine_logger().removeHandler(warnings)
    plugin = config.plugins.get("liangxiang")
    if plugin is None:  # the content is checked as the plugin would read it with its defaults
        raise ConfigProblem(without_plugin(path), (config, _default_options(path)))
    if warnings.messages:  # a strict build fails on them (an unknown option, a typo in one)
        parse(text, shown, problems, tabs_read=False)  # "\xa0\xa0name" is an unknown option to MkDocs, odd spaces to an editor
        spaced = [str(problem) for problem in problems if problem.message.startswith("缩进里有")]  # not a !ENV it refuses
        said = [*spaced, *(mkdocs_error(path, message) for message in warnings.messages)]
        raise ConfigProblem("\n".join(dict.fromkeys(said)), (config, plugin.config))
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
        engine_logger().addHandler(quiet)
        try:
            config = load_config(config_file=str(path), hooks=[], **stand_ins)
        except (ConfigurationError, Abort) as error:
            new = [message for message in (quiet.messages or [str(error)]) if message not in [*said, *more]]
            if not new:
                return None, more
            more += new
            continue
        finally:
            engine_logger().removeHandler(quiet)
        plugin = config.plugins.get("liangxiang")
        return ((config, plugin.config) if plugin is not None else None), more
    return None, more


def _default_options(path: Path):
    from .plugin import LiangxiangPlugin

    plugin = LiangxiangPlugin()
    plugin.load_config({}, str(path))  # its path: MkDocs' later words about a config are said of that file
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
    engine_logger().addHandler(besides)
    try:
        config = load_config(config_file=stream, hooks=[])
    except (ConfigurationError, Abort, yaml.YAMLError):  # said once the file reads
        return None, []
    finally:
        engine_logger().removeHandler(besides)
    plugin = config.plugins.get("liangxiang")
    return ((config, plugin.config) if plugin is not None else None), besides.messages


def _plugins_without_wrong_options(path: Path, said: list[str]) -> list | dict | None:
    """`plugins:` as written, without the liangxiang options said to be wrong (content does not
    depend on a misspelt one); None if something else about plugins is wrong."""
    parts = [part for message in said if message.startswith("Config value 'plugins'") for part in option_parts(message)]
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


SETTINGS_DEPTH = 200  # levels of lists and mappings: mkdocs.yml's settings take a handful, MkDocs' loader recurses


def _refuse_code(text: str, shown: str) -> None:
    """MkDocs reads mkdocs.yml with a loader that runs `!!python/...` tags: validate is what checks
    a change before anyone builds it, so it reads the file safely first and refuses them; and what
    MkDocs' loader would never finish reading (aliases that expand a billion times, nesting that
    exhausts Python's recursion)."""
    import yaml

    from .load.yamlbounds import MAX_NODES, expanded_size, too_deep_at

    deep = too_deep_at(text, SETTINGS_DEPTH)
    if deep is not None:
        raise ConfigProblem(f"{shown}:{deep.line + 1}:{deep.column + 1}: {shown} 的嵌套层次太深，拒绝读取"
                            f" ({shown} 的设置最多只有几层：检查这里的括号“[”“{{”是不是多写了，缩进是不是一行比一行多)")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: nothing is constructed
    except yaml.YAMLError:
        return  # said below, in the editors' words
    if root is not None and expanded_size(root, {}) > MAX_NODES:
        pairs = root.value if isinstance(root, yaml.MappingNode) else [(root, root)]
        key = max(pairs, key=lambda pair: expanded_size(pair[1], {}))[0]  # the setting that holds the bomb
        raise ConfigProblem(f"{shown}:{key.start_mark.line + 1}:{key.start_mark.column + 1}: {shown} 里的 YAML 别名（&/*）展开后过于庞大，拒绝读取"
                            " (不要用别名层层嵌套；把设置直接写出来)")
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias: its anchor's nodes are looked at once
            continue
        seen.add(id(node))
        if node.tag.startswith("tag:yaml.org,2002:python/"):
            line = node.start_mark.line + 1
            raise ConfigProblem(f"{shown}:{line}:{node.start_mark.column + 1}: {shown} 里有会运行程序的标记“!!{node.tag.removeprefix('tag:yaml.org,2002:')}”"
                                f" (删掉这个标记：{shown} 只写设置；这样的改动不要构建，先请管理员看)")
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def served_address(config) -> bool:
    """Whether site_url is `mkdocs serve`'s own address (http://127.0.0.1:8000/), set in place of the setting."""
    host, port = config.dev_addr
    return (config.site_url or "").startswith(f"http://{host}:{port}/")


def resolved_site_url(config) -> str:
    """site_url as the site sets it, INHERIT and !ENV read as MkDocs reads them; "" when it sets
    none. `mkdocs serve` replaces the setting with its own (http://127.0.0.1:8000/), which a sign
    bolted to a wall must never hold: a PDF downloaded from the preview goes to the print shop."""
    from mkdocs.utils.yaml import yaml_load

    if not served_address(config):
        return config.site_url or ""  # a build: the setting, resolved (no second read of mkdocs.yml)
    try:
        with Path(config.config_file_path or "").open("rb") as source:
            written = yaml_load(source).get("site_url")
    except Exception:  # unreadable here means MkDocs read it some other way: its value stands
        return config.site_url or ""
    if not isinstance(written, str) or not written.strip():
        return ""
    written = written.strip()
    return written if written.endswith("/") else written + "/"


def printed_site_url(config) -> str:
    """The address printed in QR codes (resolved_site_url); a preview of a site that sets none
    prints serve's own, which its checks refuse to publish."""
    return ascii_url(resolved_site_url(config) or config.site_url or "")


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
