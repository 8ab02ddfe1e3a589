"""Check: what mkdocs.yml says, against the content (site_url, nav, assets, ids the site uses)."""

from __future__ import annotations

import ipaddress
import re
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..content import Content
from .markdown_refs import WEB_ADDRESS
from ..problems import Location, Problem, Problems, did_you_mean
from ..configwords import item_location, missing_hook, written_setting
from .theme_loads import environment_published, foreign_loads_in_custom_dir

URL_EXAMPLE = "写网站对外的真实地址，例如 site_url: https://dangjian.你的单位.cn/"
MENU = "首页、责任区、党员、承诺、故事、考核"
HOME = "index.md"


def check_settings(config, plugin_config, content: Content, problems: Problems) -> None:
    """Add a problem for every setting the site cannot be built or printed with."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    from ..siteconfig import resolved_site_url

    # what the QR codes will hold, however it is set (!ENV, INHERIT): not the text of mkdocs.yml (audit AS-H)
    written = resolved_site_url(config)
    if not written and (variable := _unset_variable(config_file)):  # site_url: !ENV SITE_URL
        problems.add(Location.of_setting(config_file, "site_url"), "site_url",
                     f"site_url 取自环境变量 {variable}，这个变量没有设置，网站地址就是空的（印出来的二维码要指向它）",
                     f"生成前设置它，例如 {variable}=https://dangjian.你的单位.cn/ mkdocs build；或者直接写 site_url: https://…")
    elif not written:
        problems.add(Location(config_file.name, 1, 1), "site_url", f"{config_file.name} 必须写网站地址 site_url：印出来的二维码指向这里",
                     URL_EXAMPLE)
    elif (wrong := site_url_problem(shown := _as_written(config_file, written)) or _this_machine(shown)) is not None:
        problems.add(Location.of_setting(config_file, "site_url"), "site_url", wrong, URL_EXAMPLE)
    elif _intranet(written):
        content.notices.append(Problem(
            Location.of_setting(config_file, "site_url"), "site_url",
            f"网站地址 site_url 是内网地址（“{written}”）：印出来的二维码只有连着单位内网的手机能打开，用流量的群众打不开",
            "只在单位内部公示可以这样写；挂在外面的标志牌，site_url 写网站对外的地址，例如 https://dangjian.你的单位.cn/"))
    elif _example(written):
        content.notices.append(Problem(
            Location.of_setting(config_file, "site_url"), "site_url",
            f"网站地址 site_url 还是示例地址（“{written}”）：这样印出来的二维码打不开",
            "印标志牌和桌牌之前，改成网站对外的真实地址，例如 https://dangjian.你的单位.cn/"))
    elif written.lower().startswith("http://"):  # printed on signs that hang for years
        secure = urlsplit(written)._replace(scheme="https", netloc=urlsplit(written).hostname or "").geturl()  # not http's port
        content.notices.append(Problem(
            Location.of_setting(config_file, "site_url"), "site_url",
            f"网站地址 site_url 用的是 http://（“{written}”）：印出来的二维码也是，手机打开时浏览器会标出“不安全”",
            f"网站开通了 https 的话，印标志牌和桌牌之前改成 {secure}"))
    if "search" in config.plugins:  # MkDocs' own: an index no page of this theme reads, of the guide for editors too
        content.notices.append(Problem(
            Location.of_setting(config_file, "plugins"), "plugins",
            "plugins 里的 search 用不上：网站自带中文搜索（/search/），MkDocs 的 search 插件只会多发布一份没有页面用的索引，连编辑指南也在里面",
            "删掉 plugins 下的“- search”这一行"))
    _pages_run_as_code(config, config_file, content)
    _sources_unguarded(config, config_file, content)
    if site_dir_is_a_file(config):  # a build would fail writing into it
        problems.add(Location.of_setting(config_file, "site_dir"), "site_dir", f"site_dir（{_shown_path(Path(config.site_dir), config_file)}）是一个已有的文件，不是文件夹：网站没法生成到那里",
                     "删掉 site_dir 使用默认的 site/，或写一个新的文件夹名")
    if (other := _other_tools_config(config_file)) is not None:
        content.notices.append(Problem(
            Location(config_file.name, 1, 1), "-",
            f"这里有两个配置文件，{config_file.name} 和 {other.name}：mkdocs 命令读 mkdocs.yml，properdocs 命令读 properdocs.yml，"
            f"这次读的是 {config_file.name}，两个文件的设置不一样时，两个命令生成的网站也不一样",
            "只留一个：用 properdocs 的删掉 mkdocs.yml，用 mkdocs 的删掉 properdocs.yml"))
    _outputs_not_ignored(config, plugin_config, config_file, content)
    _duplicate_settings(config_file, problems)
    _check_hooks(config, config_file, content, problems)
    _ids_taken_by_the_site(content, problems, config.use_directory_urls, plugin_config.printables)
    _assets_from_other_hosts(config, config_file, problems)
    foreign_loads_in_custom_dir(config, config_file, problems)
    environment_published(config_file, content)
    _nav(config.nav, config_file, content, problems)


# what makes a free page's text run as a template or pull in other files (audit AS-K 2, 3)
_INCLUDES_FILES = "会把页面里写的任何文件原样放进网页，members.yaml 里不公开的党员也一样"
_PAGES_RUN = {
    "macros": "会把页面里的 {{ … }} 和 {% … %} 当作程序运行：能改页面的人就能在生成网站的机器上运行命令、读出不公开的党员",
    "include-markdown": _INCLUDES_FILES,
    "pymdownx.snippets": _INCLUDES_FILES,
}


def _pages_run_as_code(config, config_file: Path, content: Content) -> None:
    """A notice for each plugin or extension that runs free pages as code or includes files in them."""
    extensions = [name for name in config.markdown_extensions if isinstance(name, str)]
    for name, does in _PAGES_RUN.items():
        if name in config.plugins or name in extensions:
            setting = "markdown_extensions" if name in extensions else "plugins"
            content.notices.append(Problem(
                item_location(config_file, name) or Location.of_setting(config_file, setting), setting, f"{setting} 里的 {name} {does}",
                "页面只让管理员改，或删掉这一项；生成时会检查它写进页面的文字里有没有不公开的党员和身份证号"))


# what MkDocs would copy into the site as it is, were the plugin ever left out of a build
_SOURCES = {"org.yaml": "*.yaml", "zones/x.yml": "*.yml", "photos/x.jpg": "/photos/", "stories/x.md": "/stories/"}


def _sources_unguarded(config, config_file: Path, content: Content) -> None:
    """A notice when exclude_docs does not keep the records and photos out: a second `plugins:`
    pasted below the first (MkDocs keeps the last) drops the plugin, and a bare `mkdocs build`
    then publishes them as they are, the originals' EXIF and a hidden member's photo with them (audit AS-W H1)."""
    spec = config.exclude_docs
    missing = [line for sample, line in _SOURCES.items() if spec is None or not spec.match_file(sample)]
    if not missing:
        return
    where = Location.of_setting(config_file, "exclude_docs")
    said = f"的 exclude_docs 没有挡住 {'、'.join(missing)}" if where.line else "没有写 exclude_docs 挡住记录和照片"
    content.notices.append(Problem(
        where, "exclude_docs",
        f"{config_file.name} {said}：万一 plugins 下的“- liangxiang”丢了（例如 plugins: 写了两遍），"
        "mkdocs build 会把 YAML 记录、故事原稿和照片原图（带拍摄信息，隐藏的党员的照片也在内）原样发布出去",
        f"在 {config_file.name} 里加上 exclude_docs: | ，下面每行缩进两格写一项：{'、'.join(_SOURCES.values())}（照着示例站点的 mkdocs.yml）"))


def _other_tools_config(config_file: Path) -> Path | None:
    """properdocs.yml beside mkdocs.yml (or the other way round): each command reads its own, and
    `liangxiang validate` read the one the build did not (audit AS-H)."""
    mine = config_file.stem.lower()
    other = {"mkdocs": "properdocs", "properdocs": "mkdocs"}.get(mine)
    found = [config_file.with_name(f"{other}{suffix}") for suffix in (".yml", ".yaml")] if other else []
    return next((path for path in found if path.is_file()), None)


def _outputs_not_ignored(config, plugin_config, config_file: Path, content: Content) -> None:
    """A notice when the site is a git repository that does not ignore what a build writes beside
    the records: the next `git add -A` commits tens of MB of PDFs and photos (audit AS-Y L7)."""
    from ..files import cache_dir

    root = config_file.resolve().parent
    top = next((folder for folder in (root, *root.parents) if (folder / ".git").exists()), None)
    if top is None:
        return
    written = {"site_dir": Path(config.site_dir).resolve(), "cache_dir": cache_dir(config, plugin_config).resolve()}
    inside = {name: path.relative_to(top).as_posix() + "/" for name, path in written.items() if path.is_relative_to(top) and path != top}
    if not inside:
        return
    try:  # one git for both: it prints those ignored (exit 1 when none is, 128 on its own trouble)
        found = subprocess.run(["git", "-C", str(top), "check-ignore", "--no-index", *inside.values()],
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):  # no git on this machine: nothing to commit with either
        return
    if found.returncode > 1:
        return
    ignored = set(found.stdout.splitlines())
    unignored = [name for name, path in inside.items() if path not in ignored]
    if unignored:
        shown = "、".join(inside[name] for name in unignored)
        content.notices.append(Problem(
            Location(config_file.name, 1, 1), "-",
            f"这是一个 git 仓库，但 .gitignore 没有排除生成出来的 {shown}：git add -A 会把生成的网站和缓存（几十 MB 的 PDF 和照片）提交进去",
            f"在仓库最上层的 .gitignore 里加上 {'、'.join('/' + inside[name] for name in unignored)} 这几行（照着示例站点的 .gitignore）"))


def site_dir_is_a_file(config) -> bool:
    return Path(config.site_dir).exists() and not Path(config.site_dir).is_dir()


def _shown_path(path: Path, config_file: Path) -> str:
    """A path as the editor wrote it: from mkdocs.yml's folder when it is inside."""
    folder = config_file.resolve().parent
    return path.resolve().relative_to(folder).as_posix() if path.resolve().is_relative_to(folder) else str(path)


def _duplicate_settings(config_file: Path, problems: Problems) -> None:
    """A setting written twice (format rule 3): MkDocs keeps the last one, so a second site_url
    pasted below the first would send every printed QR code to it."""
    import yaml

    from ..load.decoding import decode

    try:
        text = decode(config_file.read_bytes(), config_file.name, problems)  # MkDocs reads UTF-16 too; rule 1 does not
        stack = [yaml.compose(text, Loader=yaml.SafeLoader)] if text is not None else []
    except (OSError, yaml.YAMLError):
        return  # MkDocs read it: a file it could not read never gets here
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name in first:
                    problems.add(Location(config_file.name, key.start_mark.line + 1, key.start_mark.column + 1), name,
                                 f"“{name}”写了两次（第 {first[name]} 行也有），只有后写的那个会生效",
                                 "删掉不要的那一行")
                elif name is not None:
                    first[name] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def _check_hooks(config, config_file: Path, content: Content, problems: Problems) -> None:
    """A hooks file that is not there: the build stops on it, so validate says so too (it reads
    the setting as written, for it never runs hooks). One that is there: validate says it did not
    run it (audit AS-AD: it passed, and the build then stopped on the hook's own mistake)."""
    hooks = written_setting(config_file, "hooks")
    for hook in hooks if isinstance(hooks, list) else []:
        if isinstance(hook, str) and not (config_file.parent / hook).is_file():
            problems.extend([missing_hook(config_file, hook)])
        elif isinstance(hook, str) and not config.hooks:  # read without its hooks: this is validate
            content.notices.append(Problem(
                item_location(config_file, hook) or Location.of_setting(config_file, "hooks"), "hooks",
                f"hooks 里的 {hook} 是 Python 程序，只在生成网站时运行：liangxiang validate 不运行它，它出的错这里看不到",
                "改过这个文件的话，提交前再运行一次 mkdocs build --strict（./dev build）"))


def site_url_problem(url: str) -> str | None:
    """What makes a site_url unfit to be printed in QR codes, or None."""
    parts = urlsplit(url)
    if any(char.isspace() for char in url):
        return f"网站地址 site_url 里有空格（“{url}”）：印出来的二维码打不开"
    if (wide := re.search(r"[：／。．，]", url)) is not None:  # typed with a Chinese input method
        return f"网站地址 site_url 里有全角的“{wide.group()}”（现在是“{url}”）：换成英文输入法重新输入，例如 https://dangjian.example.cn/"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"网站地址 site_url 要以 https:// 或 http:// 开头，后面是域名（现在是“{url}”）"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return f"网站地址 site_url 里不能有“?”或“#”（现在是“{url}”）：二维码里的页面地址接在它后面，就都打不开了"
    if parts.username is not None or parts.password is not None:
        return f"网站地址 site_url 里不能写用户名或密码（现在是“{url}”）：它会印在每个二维码里"
    if re.search(r"[\"'<>\\`{}|^]", url):
        return f"网站地址 site_url 里有网址不能用的字符（现在是“{url}”）：只写 https://域名/路径/"
    if (page := re.search(r"/([^/]+\.(?:s?html?|php|aspx?|jsp))/?$", parts.path, re.I)) is not None:  # …/dangjian/index.html
        site = url[: url.rindex(page.group(1))]
        return (f"网站地址 site_url 以一个网页（“{page.group(1)}”）结尾（现在是“{url}”）：二维码里的地址接在它后面，就都打不开了；"
                f"写到网站的文件夹为止：{site}")
    return None


def written_site_url(text: str) -> str:
    """site_url as mkdocs.yml's text writes it (`mkdocs serve` replaces the setting with its own address)."""
    found = re.search(r"^site_url:\s*['\"]?([^\s'\"#]+)", text, re.MULTILINE)
    return found.group(1) if found else ""


def _as_written(config_file: Path, url: str) -> str:
    """The site_url MkDocs read, as mkdocs.yml writes it: MkDocs adds a "/" the editor would search
    the file for in vain (“…/index.html/”)."""
    try:
        written = written_site_url(config_file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return url
    return written if written and written.rstrip("/") == url.rstrip("/") else url


def _unset_variable(config_file: Path) -> str:
    """The environment variable `site_url: !ENV NAME` (or `!ENV [NAME, …]`) names; "" when written otherwise."""
    try:
        found = re.search(r"^site_url:\s*!ENV\s+\[?\s*['\"]?(\w+)", config_file.read_text(encoding="utf-8-sig"), re.MULTILINE)
    except (OSError, UnicodeDecodeError):
        return ""
    return found.group(1) if found else ""


def _this_machine(url: str) -> str | None:
    """A site_url on the editor's own computer (localhost, 127.0.0.1): printed QR codes would lead nowhere.
    An intranet's own addresses (192.168.x.x, a host name) are allowed, with a notice (_intranet)."""
    host = urlsplit(url).hostname or ""
    try:
        local = ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        local = host == "localhost" or host.endswith(".localhost")
    if not local:
        return None
    return f"网站地址 site_url 是本机的地址（“{url}”）：印出来的二维码在别人的手机上打不开"


def prints_nowhere(url: str) -> bool:
    """Whether QR codes printed with this site_url open nothing (an example's host, this machine)."""
    return _example(url) or _this_machine(url) is not None


def _example(url: str) -> bool:
    """A site_url copied from an example: example.com, dangjian.example.cn, a .test or .invalid host
    (names kept for examples, RFC 2606: no site answers there)."""
    labels = (urlsplit(url).hostname or "").split(".")
    return "example" in labels[-3:] or labels[-1] in ("test", "invalid", "example")


def _intranet(url: str) -> bool:
    """A site_url at a private address (192.168.x.x, 10.x.x.x): reachable inside the organization only."""
    try:
        return ipaddress.ip_address(urlsplit(url).hostname or "").is_private
    except ValueError:
        return False


def _nav(nav, config_file: Path, content: Content, problems: Problems) -> None:
    """The menu lists free pages and other sites: the pages the site makes are in it already."""
    for title, path in _entries(nav or []):
        found = _nav_problem(title, path, content)
        if found is not None:
            problems.add(_line_naming(config_file, path), "nav", *found)
    for title in _section_titles(nav or []):  # MkDocs users expect a group; the section bar has one level
        content.notices.append(Problem(
            _line_naming(config_file, title), "nav", f"菜单 nav 里的分组“{title}”不会显示：网站的菜单只有一层，分组里的页面按顺序排在菜单里",
            f"想让读者看到这一组，写一个页面（例如 {title}.md）列出这几页的链接，菜单里只放它；不需要分组就去掉这一层"))


def _section_titles(nav) -> list[str]:
    if isinstance(nav, list):
        return [title for item in nav for title in _section_titles(item)]
    if isinstance(nav, dict):
        return [title for key, value in nav.items() if isinstance(value, list)
                for title in (str(key), *_section_titles(value))]
    return []


def _nav_problem(title: str, path: str, content: Content) -> tuple[str, str] | None:
    """(message, hint) for a nav entry the menu cannot show, or None."""
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        return None if parts.scheme in ("http", "https") else (f"菜单 nav 里“{title}”的链接“{path}”不是网址", "别的网站的链接要以 https:// 开头")
    page = path.strip().lstrip("/")
    if page in content.pages or page == HOME or (page.endswith(".md") and (content.docs_dir / page).is_file()):
        return None  # index.md: the menu leaves it out (without_home); a page left out has its own error
    found = content.page_of(page)
    if found is not None and found[0] == "free":
        return f"菜单 nav 里要写页面的文件名，不是网址（现在是“{path}”）", f"写成 {found[1]}"
    if found is not None:
        return (f"菜单 nav 里的“{path}”是网站自己生成的页面：菜单里已经有{MENU}",
                "nav 只列 content/ 里的自由页面（.md 文件）和别的网站：删掉这一项")
    if WEB_ADDRESS.match(page):
        return f"菜单 nav 里的“{path}”不是完整的网址", f"链接到别的网站要写完整网址：https://{page}"
    return (f"菜单 nav 里的“{path}”在 content/ 里找不到",
            did_you_mean(page, content.pages) or "写相对于 content/ 的 .md 文件路径，例如 about.md")


def _entries(nav) -> list[tuple[str, str]]:
    """(title, path) of every entry of a nav setting, sections opened."""
    if isinstance(nav, str):
        return [("", nav)]
    if isinstance(nav, list):
        return [entry for item in nav for entry in _entries(item)]
    if isinstance(nav, dict):
        entries = []
        for title, value in nav.items():
            entries += [(str(title), value)] if isinstance(value, str) else _entries(value)
        return entries
    return []


def _line_naming(config_file: Path, text: str) -> Location:
    """The first line of mkdocs.yml after ``nav:`` that holds text."""
    try:
        lines = config_file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return Location(config_file.name)
    start = Location.of_setting(config_file, "nav").line or 1
    for number, line in enumerate(lines[start - 1:], start):
        if (column := line.find(text)) >= 0:
            return Location(config_file.name, number, column + 1)
    return Location.of_setting(config_file, "nav")


def as_browser_reads(address: str) -> str:
    """An address as a browser takes it (the URL standard): spaces and control characters around it
    dropped, tabs and line breaks inside removed, "\\" read as "/". " //x" and "/\\x" are other hosts."""
    return re.sub(r"[\t\n\r]", "", address.strip("\x00- ")).replace("\\", "/")


def _assets_from_other_hosts(config, config_file: Path, problems: Problems) -> None:
    """No page may load anything from another host: many visitors' networks block them."""
    for key in ("extra_javascript", "extra_css"):
        folder = "css" if key == "extra_css" else "js"
        for item in config[key] or []:
            path = str(getattr(item, "path", item))
            read = as_browser_reads(path)
            if urlsplit(read).scheme or read.startswith("//"):
                problems.add(Location.of_setting(config_file, key), key, f"{key} 里的“{path}”要从别的网站加载",
                             "网页不能从别的网站加载脚本或样式（很多单位的内网打不开别的网站）：删掉这一项")
            elif ".." in PurePosixPath(urlsplit(read).path).parts:  # above the site: published nowhere (audit AQ 2)
                problems.add(Location.of_setting(config_file, key), key, f"{key} 里的“{path}”指向网站以外（有“..”）：这个文件不会发布",
                             f"把文件放进主题的 custom_dir（例如 overrides/{folder}/），这里写它在 custom_dir 里的路径，例如 {folder}/{PurePosixPath(read).name}")
            elif not _in_theme(config, read):  # a link every page would load and get 404 for
                custom = config.theme.custom_dir
                where = (f"把文件放在 {Path(custom).name}/{read.lstrip('/')}" if custom else
                         f"在 {config_file.name} 的 theme 下加一行 custom_dir: overrides，把文件放在 overrides/{read.lstrip('/')}")
                problems.add(Location.of_setting(config_file, key), key, f"{key} 里的“{path}”找不到", where)


def _in_theme(config, address: str) -> bool:
    """Whether a site-relative asset is a file of the theme or its custom_dir (docs_dir takes none)."""
    relative = urlsplit(address).path.lstrip("/")
    return bool(relative) and any((Path(folder) / relative).is_file() for folder in config.theme.dirs)


def _ids_taken_by_the_site(content: Content, problems: Problems, directory_urls: bool, printables: bool) -> None:
    """Ids the format allows but whose address the site already uses for something else:
    with use_directory_urls: false, KIND/index.html is the list of a kind, not the record `index`;
    /print/signboards/all.pdf and /print/plates/all.pdf hold every printable of their kind."""
    renamed, zone_renamed = "换一个编号，别处对它的引用一起改", "换一个编号，文件名和别处对它的引用一起改"
    index = "的编号不能是 index：网站设为 use_directory_urls: false 时，它的网页和{}列表页同名"
    taken = []  # (where, field, message, hint)
    if not directory_urls:
        taken += [(m.at("id"), "id", "党员" + index.format("党员"), renamed) for m in content.public_members if m.id == "index"]
        taken += [(z.at("id"), "id", "责任区" + index.format("责任区"), zone_renamed) for z in content.zones if z.id == "index"]
        taken += [(z.at("aliases", n), "aliases", "责任区" + index.format("责任区"), "删去这个曾用编号")
                  for z in content.zones for n, alias in enumerate(z.aliases) if alias == "index"]
        taken += [(m.at("aliases", n), m.field_name("aliases"), "党员" + index.format("党员"), "删去这个曾用编号")
                  for m in content.public_members for n, alias in enumerate(m.aliases) if alias == "index"]
        taken += [(Location(s.path, 1, 1), "slug", "故事" + index.format("故事"), "给这个故事文件改名，例如 index-story.md")
                  for s in content.stories if s.slug == "index"]
    if printables:
        taken += [(z.at("id"), "id", "责任区的编号不能是 all：/print/signboards/all.pdf 是全部标志牌合在一起的文件", zone_renamed)
                  for z in content.zones if z.id == "all"]
        taken += [(m.at("id"), "id", "党员的编号不能是 all：/print/plates/all.pdf 是全部桌牌合在一起的文件", renamed)
                  for m in content.public_members if m.id == "all"]
    for where, field, message, hint in taken:
        problems.add(where, field, message, hint)


def without_home(nav):
    """A nav setting without its entries for index.md: it is the top of the generated home page,
    which the site's name in every page's header links to."""
    if isinstance(nav, list):
        kept = [without_home(item) for item in nav if not _is_home(item)]
        return [item for item in kept if item != {}]
    if isinstance(nav, dict):
        return {title: without_home(value) for title, value in nav.items() if not _is_home(value)}
    return nav


def _is_home(item) -> bool:
    if isinstance(item, dict) and len(item) == 1:
        item = next(iter(item.values()))
    return isinstance(item, str) and item.strip().lstrip("/") == HOME
