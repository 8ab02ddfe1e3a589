"""What every page of a site shares: a change here renders every data page again.

The theme's files, the site's configuration and menu, the labels, the organization (its name,
hotline and grades are on every page) and the versions of the code that renders.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..files import code_digest

SITE_CODE = Path(__file__).parent
# these never change a page's HTML; everything else in the config might (extra, copyright, site_name...)
VOLATILE_CONFIG = {"site_dir", "docs_dir", "config_file_path", "plugins", "hooks", "watch", "dev_addr", "theme", "nav"}
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".eot"}


@lru_cache(maxsize=1)
def code_version() -> str:
    # the whole package, not site/ alone: pages also show what content.py, model.py and check/
    # compute (grades, links, which photo is usable); printing code never changes a page
    package = SITE_CODE.parent
    files = [path for path in package.rglob("*") if path.is_file() and path.suffix in (".py", ".yml")
             and path.relative_to(package).parts[0] != "print"]
    # pymdown-extensions: what its details and tabbed write into a story (markdown.FOLLOWED)
    return code_digest(package, files, ("mkdocs", "Jinja2", "Markdown", "nh3", "pydantic", "MarkupSafe", "Pillow", "rjieba",
                                        "pymdown-extensions"))


def theme_digest(dirs: list[str]) -> str:
    """Every template-like file of the theme's folders (custom_dir first, where the site's own
    extra_css and extra_javascript are), by name and bytes."""
    digest = hashlib.sha256()
    for folder in dirs:
        root = Path(folder)
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            if path.is_file() and path.suffix.lower() not in BINARY_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def config_text(config: Any) -> str:
    """The configuration as text, without what differs between identical builds (paths, objects)."""
    items = {key: value for key, value in config.items() if key not in VOLATILE_CONFIG}
    theme = config.get("theme")
    if theme is not None:
        items["theme"] = {"name": getattr(theme, "name", None), **{k: v for k, v in dict(theme).items()}}
    return _stable(items)


def hooks_text(config: Any) -> str:
    """The hooks' and the other plugins' part: a hook's code, or a plugin's option, may change any
    page (a hook that writes the ICP number into every footer, audit AS-D); MkDocs' config holds
    them as objects, so each hook by its file's bytes and each plugin by its options."""
    digest = hashlib.sha256()
    for name, module in sorted((config.get("hooks") or {}).items()):
        source = Path(getattr(module, "__file__", None) or "")
        digest.update(name.encode() + b"\0" + (source.read_bytes() if source.is_file() else b"") + b"\0")
    plugins = config.get("plugins") or {}
    digest.update(_stable({name: dict(getattr(plugin, "config", None) or {}) for name, plugin in plugins.items()}).encode())
    return digest.hexdigest()


def nav_text(nav: Any) -> str:
    """The menu as titles and addresses (free pages and sections)."""
    def item(entry: Any) -> str:
        children = getattr(entry, "children", None) or []
        url = getattr(entry, "url", None) or getattr(getattr(entry, "file", None), "url", None)
        return f"({type(entry).__name__}|{entry.title}|{url}|{'|'.join(item(c) for c in children)})"

    return "".join(item(entry) for entry in getattr(nav, "items", None) or [])


def _stable(value: Any) -> str:
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    if isinstance(value, Mapping):  # a dict, or one of MkDocs' config objects (extra_javascript's type: module)
        return "{" + ",".join(f"{_stable(k)}:{_stable(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return "[" + ",".join(_stable(v) for v in items) + "]"
    text = str(value)
    return type(value).__name__ if " at 0x" in text else f"{type(value).__name__}:{text}"

