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
DATE_PATTERN = r"^(19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"  # what values._parse_date accepts before checking the calendar
DATE_MESSAGE = "日期要写成 YYYY-MM-DD，例如 2026-03-12"  # values._parse_date's words


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
    node = {key: _simplify(value) for key, value in node.items()}
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
        # Record's coerce_numbers_to_str: `hotline: 12345` or `id: 2026` is valid content
        if "pattern" not in node:
            node["type"] = ["string", "number"]
        elif node["pattern"] == ID_PATTERN:
            node["type"] = ["string", "integer"]
            node["minimum"] = 0
    return node


# numbers the models also take written as text, by their range: a year, a score
NUMBERS_AS_TEXT = {(1900, 2100): r"^\s*(19[0-9]{2}|20[0-9]{2}|2100)\s*$",
                   (0, 100): r"^\s*(100(\.0*)?|[0-9]{1,2}(\.[0-9]*)?|\.[0-9]+)\s*$"}


EMPTY = r"^\s*$|"  # before a pattern: or nothing but spaces


def _types(node: dict) -> list[str]:
    kinds = node.get("type", [])
    return [kinds] if isinstance(kinds, str) else list(kinds)


def _may_be_empty(field: dict) -> None:
    """An optional field may be left empty (`post:` or `post: ""`): the models read it as not
    written (model.Record._empty_is_unwritten); a true/false field may not."""
    kinds = _types(field)
    if kinds and "null" not in kinds:
        field["type"] = [*kinds, "null"]
    if "string" in kinds and field.get("minLength") == 1:
        del field["minLength"]
    if "string" in kinds and "pattern" in field:
        field["pattern"] = EMPTY + field["pattern"]
    if "enum" in field and None not in field["enum"]:
        field["enum"] = [*field["enum"], "", None]


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

