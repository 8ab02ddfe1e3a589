"""How deep and how big a YAML file may be, found before it is read in full: libyaml recurses on
the C stack and PyYAML on Python's, and a few aliases can expand to billions of nodes."""

from __future__ import annotations

import re

import yaml

MAX_NODES = 1_000_000  # nodes after expanding aliases; a billion-laughs file has far more

# Where libyaml and PyYAML part ways: PyYAML refuses a tab almost anywhere outside quotes
# ("a: b<tab>"), PyYAML breaks lines at NEL/LS/PS and libyaml at a lone CR too, libyaml skips
# a BOM at the start of any line (and does not count one in its marks); control characters
# and surrogates are errors either way; tags ("!x", a lone "!") resolve differently; libyaml
# takes a comment right after a block scalar's "|" or ">", PyYAML wants a space first.
_ODD_CHARACTERS = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_LONE_CR = re.compile(r"\r(?!\n)")
_TAG = re.compile(r"(?:^|[ \[{,:?-])!", re.M)
_BLOCK_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")
# The start of a line where block collections can open: indentation and "- ", "? ", ": "
_BLOCK_OPENERS = re.compile(r"^[ \t]*(?:[-?:](?:[ \t]+|(?=\r?$)))*", re.M)
C_MAX_DEPTH = 2_000  # libyaml's composer recurses on the C stack: some 400 bytes a level
PY_MAX_DEPTH = 100  # deeper than this, the Python loader decides (it may run out of recursion)


def too_deep_at(text: str, most: int) -> yaml.Mark | None:
    """Where a list or mapping first opens past ``most`` levels (events: no recursion); None when
    none does, or when the text is no YAML (its error is said elsewhere)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > most:
                return event.start_mark
    except yaml.YAMLError:
        pass
    return None


def depth_bound(text: str) -> int | None:
    """An upper bound of the nesting libyaml may reach; None when libyaml should not see the text.

    Block collections open only in a line's leading indentation and "- ", "? ", ": " indicators,
    each nested one further right (an indentless "- " list shares its mapping's column), and
    every flow collection needs its own "[" or "{".
    """
    if _ODD_CHARACTERS.search(text) or ("\r" in text and _LONE_CR.search(text)):
        return None
    if ("!" in text and _TAG.search(text)) or ("#" in text and _BLOCK_HEADER_COMMENT.search(text)):
        return None
    if "?" in text and ("[" in text or "{" in text):
        return None  # in [..] and {..}, libyaml reads "x?y" as one scalar, PyYAML as a key
    columns = max(map(len, _BLOCK_OPENERS.findall(text)))
    depth = 2 * (columns + 1) + text.count("[") + text.count("{") + 1
    return depth if depth <= C_MAX_DEPTH else None


def inside_itself(root: yaml.Node) -> yaml.Node | None:
    """The first list or mapping that holds an alias of itself (`a: &x [*x]`): read, it would
    never end. None when there is none. Depth first without recursion, each node once."""
    done: set[int] = set()
    open_now: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, index = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            continue
        if index == 0:
            if id(node) in open_now:
                return node
            if id(node) in done:
                continue
            open_now.add(id(node))
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        if index < len(children):
            stack.append((node, index + 1))
            stack.append((children[index], 0))
        else:
            open_now.discard(id(node))
            done.add(id(node))
    return None


def height(node: yaml.Node, memo: dict[int, int]) -> int:
    """How deep walk will recurse from node, aliases followed (linear in the graph)."""
    if isinstance(node, yaml.ScalarNode):
        return 1
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = MAX_NODES  # an alias inside its own anchor: walk would never end
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
    tallest = 1 + max((height(child, memo) for child in children), default=0)
    memo[id(node)] = tallest
    return tallest


def expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many nodes the document holds once aliases are expanded (linear in the graph)."""
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = 1  # guards against recursive aliases
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            size += expanded_size(item, memo)
            if size > MAX_NODES:
                break
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            size += expanded_size(key, memo) + expanded_size(value, memo)
            if size > MAX_NODES:
                break
    memo[id(node)] = size
    return size


def first_too_large(node: yaml.Node) -> yaml.Node:
    """The first node, down from node (itself too large), that is too large while none of its parts
    is: where the nesting of aliases grows past the bound (audit AS-AG L7: said at the file's
    first key, lines above the aliases)."""
    memo: dict[int, int] = {}
    seen = {id(node)}
    while True:
        parts = (node.value if isinstance(node, yaml.SequenceNode) else [value for _, value in node.value]
                 if isinstance(node, yaml.MappingNode) else [])
        inner = next((part for part in parts if expanded_size(part, memo) > MAX_NODES), None)
        if inner is None or id(inner) in seen:  # an alias inside itself: inside_itself says so
            return node
        seen.add(id(inner))
        node = inner
