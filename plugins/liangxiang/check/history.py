"""The ids the last commit published, read from git, when this machine has no build of its own.

check.published compares with the ids of the last build kept in the cache. A fresh clone, a
colleague's computer or a CI runner without a cache has none, and a zone renamed everywhere
without an alias passed in silence there while its printed signs opened the 404 page (audit AM 3).
Where the site is in git, the last commit stands in for the last build: HEAD when the content has
changes not yet committed, else the commit before HEAD (CI builds each commit as it comes).
Anything git cannot answer (no git, a shallow clone, a first commit) gives nothing, never an error.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

from ..files import write_atomic

GIT_SECONDS = 10  # a repository on a network share may be slow; a build never waits longer


def committed_ids(root: Path, docs_dir: Path, roster: Path) -> dict[str, set[str]] | None:
    """kind -> the ids the last commit published ("zone", "member", "story"), or None; None too
    when that commit was another organization's (``same_org``)."""
    dirty = _git(root, "status", "--porcelain", "--untracked-files=no", "--", str(docs_dir.resolve()), str(roster.resolve()))
    if dirty is None:
        return None
    commit = "HEAD" if dirty.strip() else "HEAD^"
    if not same_org(docs_dir, commit):
        return None
    zones = _stems(commit, docs_dir.resolve() / "zones", (".yaml", ".yml"))
    stories = _stems(commit, docs_dir.resolve() / "stories", (".md",))
    members = _roster_ids(commit, roster.resolve())
    if zones is None and members is None and stories is None:
        return None
    return {kind: ids for kind, ids in (("zone", zones), ("member", members), ("story", stories)) if ids is not None}


ORG_FILE = "org.yaml"


def org_name(text: str | None) -> str | None:
    """The organization's name in org.yaml's text; None when it cannot be read."""
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if text is not None else None
    except yaml.YAMLError:
        return None
    name = data.get("name") if isinstance(data, dict) else None
    return str(name).strip() if name is not None else None


def same_org(docs_dir: Path, commit: str) -> bool:
    """Whether the commit's org.yaml names the organization the working tree's does. A site started
    from another one's repository (this one's example, as the README says) has that organization's
    people and zones in its history: their ids were never this site's to keep (audit AS-M 1)."""
    now = _current_org(docs_dir)  # None: no org to compare, said by the checks of org.yaml itself
    then = org_name(_git(docs_dir, "show", f"{commit}:./{ORG_FILE}"))
    return now is None or then is None or now == then


def _current_org(docs_dir: Path) -> str | None:
    try:
        return org_name((docs_dir / ORG_FILE).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeError):
        return None


def _org_since(docs_dir: Path) -> str | None:
    """The commit that last changed the organization's name: the history before it was another
    organization's ("" when org.yaml has no history; None when this one's name is not yet committed)."""
    if not same_org(docs_dir, "HEAD"):
        return None
    changed = _git(docs_dir, "log", "-1", "--format=%H", "-G", "^name[[:space:]]*:", "--", ORG_FILE)
    return changed.strip() if changed is not None else ""


def _git(root: Path, *arguments: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, timeout=GIT_SECONDS,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):  # no git, or too slow
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace")


def _stems(commit: str, folder: Path, suffixes: tuple[str, ...]) -> set[str] | None:
    """The stems of the files the commit had directly in folder."""
    if not folder.is_dir():
        return None
    listed = _git(folder, "ls-tree", "--name-only", "-z", commit, "--", ".")  # named from the folder
    if listed is None:
        return None
    return {name.rsplit(".", 1)[0] for name in listed.split("\0") if name.endswith(suffixes)}


def _roster_ids(commit: str, roster: Path) -> set[str] | None:
    """The published members of the roster as the commit had it: ids not hidden."""
    text = _git(roster.parent, "show", f"{commit}:./{roster.name}")
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:  # broken in that commit: it published nothing new then
        return None
    listed = data.get("members") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return None
    return {str(member["id"]) for member in listed
            if isinstance(member, dict) and isinstance(member.get("id"), (str, int)) and member.get("hidden") is not True}


# an id on a line the roster's history took out: `- id: x`, `  id: x`, `- {id: x, …}`
_REMOVED_ID = re.compile(r"""^-(?!--)\s*(?:-\s+)?(?:\{\s*)?id:\s*["']?([^\s"'#,}]+)|^-(?!--).*[{,]\s*id:\s*["']?([^\s"'#,}]+)""", re.M)


def removed_ids(root: Path, docs_dir: Path, roster: Path, memo: Path | None = None) -> dict[str, set[str]]:
    """kind -> every member or zone id that a commit ever took out of the roster or zones/ (renamed,
    deleted, or moved: the caller keeps those still answered for); nothing where git cannot answer.
    The roster's whole history is read once per commit: kept in ``memo`` by HEAD's hash, a build
    of the same commit asks git one question (a roster rewritten in each of 300 commits is 90 MB
    of diff, 3.9 s)."""
    head = _git(root, "rev-parse", "HEAD")
    if head is None:
        return {}
    key = f"{head.strip()}:{roster.resolve()}:{docs_dir.resolve()}:{_current_org(docs_dir)}"
    try:
        kept = json.loads(memo.read_text(encoding="utf-8")) if memo is not None else None
        if isinstance(kept, dict) and kept.get("key") == key:
            return {kind: set(ids) for kind, ids in kept["ids"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    found = _removed_ids(docs_dir, roster)
    if memo is not None:
        try:
            write_atomic(memo, json.dumps({"key": key, "ids": {kind: sorted(ids) for kind, ids in found.items()}}).encode())
        except OSError:
            pass  # a read-only cache: asked again next time
    return found


def _removed_ids(docs_dir: Path, roster: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    since = _org_since(docs_dir)
    if since is None:  # the organization's name not yet committed: all the history is another's
        return found
    span = [f"{since}..HEAD"] if since else []  # the commit that named it took the other one's records out
    if roster.is_file():
        diff = _git(roster.parent, "log", "--format=", "-p", "-U0", "--no-renames", *span, "--", roster.name)
        if diff is not None:
            found["member"] = {one or other for one, other in _REMOVED_ID.findall(diff)}
    zones = docs_dir.resolve() / "zones"
    if zones.is_dir():
        deleted = _git(zones, "log", "--format=", "--name-only", "--diff-filter=D", "--no-renames", "--relative", *span, "--", ".")
        if deleted is not None:
            found["zone"] = {name.rsplit(".", 1)[0] for name in deleted.split("\n")
                             if "/" not in name and name.endswith((".yaml", ".yml"))}
    return found
