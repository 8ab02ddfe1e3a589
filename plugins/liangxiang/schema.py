"""JSON Schemas for editors, generated from the models that validate content (model.py).

One schema per record kind, written to ``schemas/`` and mapped to files in
``.vscode/settings.json`` (Red Hat's YAML extension), so that an editor gets completion,
Chinese descriptions on hover and red squiggles while typing. The schemas are as strict as
the models (unknown keys are errors; ids, periods and dates have their patterns) and never
stricter where it matters: a phone number written as a bare number is accepted by the
models, so it is accepted here too.

Rules that span files (references, uniqueness, "id equals the file name") cannot be said in
a JSON Schema; ``liangxiang validate`` checks them.

The YAML extension implements JSON Schema draft 7, where a ``$ref`` hides the keywords beside
it; the schemas are therefore written with every definition inlined.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from .model import Assessment, CommitmentsFile, MembersFile, Org, Record, StoryMeta, Zone
from .values import ID_PATTERN

DRAFT = "http://json-schema.org/draft-07/schema#"
# what values._parse_date accepts: a day the month has (2026-02-30, 2026-04-31 refused), 29 February
# of a leap year only (1900 and 2100 are none), as an editor's checker without `format` sees it (audit AS-S 7)
_MONTH_DAY = r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
_LEAP_YEAR = r"(19(0[48]|[2468][048]|[13579][26])|20([02468][048]|[13579][26]))"
DATE_PATTERN = rf"^\s*((19[0-9]{{2}}|20[0-9]{{2}}|2100)-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)\s*$"
DATE_MESSAGE = "日期要写成 YYYY-MM-DD，例如 2026-03-12"  # values._parse_date's words
# what validate reads as not written (values.UNSEEN, spaces), and a character one sees
_UNSEEN = r"\u00ad\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0"
BLANK = rf"^[\s{_UNSEEN}]*$"
VISIBLE = rf"[^\s{_UNSEEN}]"
BLANK_MESSAGE = "不能为空：只有空格或看不见的字符，等于没写"  # load.wording's words
NONE_MESSAGE = "“无”“暂无”“N/A”之类是说没有，会照原样发布：可选的项目没有就删掉这一行，必填的写上真正的内容"
ONE_ITEM = r"^[^，、；]*$"
ONE_ITEM_MESSAGE = "一项只写一个：里面有全角逗号或顿号，会当成一项；几项之间用半角逗号“,”分开，或每项一行，以“- ”开头"
DIALLED_PATTERN = r"[0-9０-９]"
DIALLED_MESSAGE = "电话里没有号码：写能拨打的号码，例如 0317-2720000"
# the Chinese of each choice, shown beside it in an editor's completion
CHOICE_WORDS = {"active": "在岗 / 在用（默认）", "former": "已调离：页面保留并注明", "archived": "已撤销：页面保留，标志牌不再印",
                "landscape": "横版", "portrait": "竖版", "red-gold": "红底黄字", "white-red": "白底红字", "": "不写：用默认的", None: "不写：用默认的"}


@dataclass(frozen=True)
class Kind:
    name: str  # schemas/NAME.schema.json
    model: type[Record]
    files: tuple[str, ...]  # the files it applies to, relative to the site's root (for editors)

    @property
    def filename(self) -> str:
        return f"{self.name}.schema.json"


KINDS = (
    Kind("members", MembersFile, ("members.yaml",)),
    Kind("org", Org, ("content/org.yaml",)),
    Kind("zone", Zone, ("content/zones/*.yaml", "content/zones/*.yml")),
    Kind("commitments", CommitmentsFile, ("content/commitments/*.yaml", "content/commitments/*.yml")),
    Kind("assessment", Assessment, ("content/assessments/*.yaml", "content/assessments/*.yml")),
    # front matter of content/stories/*.md: editors' YAML extensions do not read Markdown front
    # matter, so this one is not mapped in .vscode/settings.json; validate checks it
    Kind("story", StoryMeta, ()),
)


class _Generator(GenerateJsonSchema):
    def date_schema(self, schema) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN, "patternErrorMessage": DATE_MESSAGE}


def _ascii_any_case(pattern: str) -> str:
    """A pattern matching its letters in either case: JSON Schema's patterns take no flags (N/A, n/a)."""
    out, escaped = [], False
    for char in pattern:
        out.append(char if escaped or not (char.isascii() and char.isalpha()) else f"[{char.lower()}{char.upper()}]")
        escaped = char == "\\" and not escaped
    return "".join(out)


def none_pattern() -> str:
    """A whole text that only says there is none (values.NONE_WRITTEN): validate refuses it."""
    from .values import NONE_WRITTEN

    return rf"^\s*(?:{_ascii_any_case(NONE_WRITTEN.pattern)})\s*$"


def _said_values(node: dict[str, Any]) -> dict[str, Any]:
    """A field's schema with the kind of value it is (values' "x-" markers) said as patterns and words."""
    text, one_item, phone = node.pop("x-text", False), node.pop("x-one-item", False), node.pop("x-phone", None)
    rules = []
    if text:  # a required text of spaces is refused (an optional one is not written: _may_be_empty)
        node.setdefault("pattern", VISIBLE)
        node.setdefault("patternErrorMessage", BLANK_MESSAGE)
        rules.append({"not": {"type": "string", "pattern": none_pattern()}, "errorMessage": NONE_MESSAGE})
    if one_item:
        rules.append({"pattern": ONE_ITEM, "patternErrorMessage": ONE_ITEM_MESSAGE})
    if phone:  # a whole number or text: 0317.2721365, which YAML reads as a decimal, is refused
        node["type"] = ["string", "integer"]
        if phone == "dialled":
            node["pattern"], node["patternErrorMessage"] = DIALLED_PATTERN, DIALLED_MESSAGE
    if rules:
        node["allOf"] = [*node.get("allOf", []), *rules]
    if "enum" in node:
        node["enumDescriptions"] = [CHOICE_WORDS.get(choice, str(choice)) for choice in node["enum"]]
    return node


def _pattern_messages() -> dict[str, str]:
    """The words validate uses for a value that does not match a pattern, shown by the editor too."""
    from .load.idwording import PATTERN_MESSAGES

    return {pattern: message for pattern, (message, _) in PATTERN_MESSAGES.items()}


def schema_for(model: type[Record]) -> dict[str, Any]:
    """The JSON Schema of one record kind, self-contained (no $ref), draft 7."""
    raw = model.model_json_schema(schema_generator=_Generator, mode="validation")
    definitions = raw.pop("$defs", {})
    body = _simplify(_inline(raw, definitions))
    return {"$schema": DRAFT, **body}


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        target = _inline(copy.deepcopy(definitions[name]), definitions)
        beside = {k: _inline(v, definitions) for k, v in node.items() if k != "$ref"}
        return {**target, **beside}  # the field's own title and description win
    return {key: _inline(value, definitions) for key, value in node.items()}


def _simplify(node: Any) -> Any:
    """Plainer schemas for editors: "X or null" as one type, numbers where the models take them."""
    if isinstance(node, list):
        return [_simplify(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = _said_values({key: _simplify(value) for key, value in node.items()})
    options = node.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        other = next(option for option in options if option != {"type": "null"})
        if isinstance(other.get("type"), (str, list)) and "anyOf" not in other:
            node.pop("anyOf")
            kinds = other["type"] if isinstance(other["type"], list) else [other["type"]]
            node = {**other, **node, "type": [*kinds, "null"]}
    if "pattern" in node and "patternErrorMessage" not in node and node["pattern"] in _pattern_messages():
        node["patternErrorMessage"] = _pattern_messages()[node["pattern"]]  # Red Hat's YAML extension shows it
    if "default" in node and node["default"] is None:
        del node["default"]  # completion would insert "null"; leaving a field out says the same
    if (node.get("minimum"), node.get("maximum")) in NUMBERS_AS_TEXT and "string" not in _types(node):
        # the models read `joined: "2008"` and `score: "93.5"` as numbers (pydantic's lax mode)
        node["type"] = [*_types(node), "string"]
        node["pattern"] = NUMBERS_AS_TEXT[node["minimum"], node["maximum"]]
    if "object" in _types(node) and isinstance(node.get("properties"), dict):
        required = set(node.get("required", ()))
        for name, field in node["properties"].items():
            if name not in required and isinstance(field, dict) and "boolean" not in _types(field):
                _may_be_empty(field)
    if node.get("type") == "string" and "enum" not in node and "format" not in node:
        # Record's coerce_numbers_to_str: `post: 12345` or `id: 2026` is valid content
        if node.get("pattern") in (None, VISIBLE):
            node["type"] = ["string", "number"]
        elif node["pattern"] == ID_PATTERN:
            node["type"] = ["string", "integer"]
            node["minimum"] = 0
    return node


# numbers the models also take written as text, by their range: a year, a score
NUMBERS_AS_TEXT = {(1900, 2100): r"^\s*(19[0-9]{2}|20[0-9]{2}|2100)\s*$",
                   (1921, 2100): r"^\s*(192[1-9]|19[3-9][0-9]|20[0-9]{2}|2100)\s*$",  # a year of joining
                   (0, 100): r"^\s*(100(\.0*)?|[0-9]{1,2}(\.[0-9]*)?|\.[0-9]+)\s*$"}


EMPTY = BLANK + "|"  # before a pattern: or nothing one sees


def _types(node: dict) -> list[str]:
    kinds = node.get("type", [])
    return [kinds] if isinstance(kinds, str) else list(kinds)


def _may_be_empty(field: dict) -> None:
    """An optional field may be left empty (`post:` or `post: ""`): the models read it as not
    written (model.Record._empty_is_unwritten); a true/false field may not."""
    kinds = _types(field)
    if kinds and "null" not in kinds:
        field["type"] = [*kinds, "null"]
    if kinds and "string" not in kinds:  # `tags: ""`, `signboard: " "`: a pattern holds only strings
        field["type"] = [*_types(field), "string"]
        field["pattern"], field["patternErrorMessage"] = BLANK, "这里不写文字：没有就删掉这一行"
        return
    if field.get("minLength", 0) > 1 and "pattern" not in field:  # hotline: "" is not written; "12" too short
        least = field.pop("minLength")
        field["pattern"], field["patternErrorMessage"] = rf"^[\s\S]{{{least},}}$", f"太短了：至少 {least} 个字符"  # load.wording's words
    if "string" in kinds and field.get("minLength") == 1:
        del field["minLength"]
    if "format" in field:  # `date: ""` is not written: the pattern says what a date is
        del field["format"]
    if "string" in kinds and "pattern" in field:
        field["pattern"] = EMPTY + field["pattern"]
    if "enum" in field and None not in field["enum"]:
        field["enum"] = [*field["enum"], "", None]
        if "enumDescriptions" in field:
            field["enumDescriptions"] = [*field["enumDescriptions"], CHOICE_WORDS[""], CHOICE_WORDS[None]]


def _key_order(node: Any) -> Any:
    """title and description first, so that a reader of the file sees them next to each field."""
    if isinstance(node, list):
        return [_key_order(item) for item in node]
    if not isinstance(node, dict):
        return node
    first = [k for k in ("$schema", "title", "description", "type") if k in node]
    return {key: _key_order(node[key]) for key in [*first, *(k for k in node if k not in first)]}


def render(kind: Kind) -> str:
    """The text of one schema file, byte for byte as committed."""
    return json.dumps(_key_order(schema_for(kind.model)), ensure_ascii=False, indent=2) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into directory; returns the files that changed."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for kind in KINDS:
        path = directory / kind.filename
        text = render(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(directory: Path) -> list[Path]:
    """The schema files in directory that are missing or differ from the models."""
    return [
        directory / kind.filename for kind in KINDS
        if not (directory / kind.filename).is_file()
        or (directory / kind.filename).read_text(encoding="utf-8") != render(kind)
    ]

