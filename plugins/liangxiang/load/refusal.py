"""One of pydantic's errors, as the wordings (``wording``, ``idwording``, ``listwording``) read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from .modelpath import model_at


def show(value: Any) -> str:
    """A value as the editor wrote it, cut to 40 characters."""
    text = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass(frozen=True)
class Error:
    """One of pydantic's errors, about the field at ``where`` inside ``model``."""

    kind: str
    ctx: dict
    value: Any
    msg: str
    model: type[BaseModel]
    where: tuple

    @property
    def name(self) -> str:
        """The field's name (the list's, for an item of a list)."""
        return next((str(p) for p in reversed(self.where) if isinstance(p, str)), "")

    @property
    def now(self) -> str:
        """"（现在是“…”）" for a value written in one line."""
        return f"（现在是“{show(self.value)}”）" if isinstance(self.value, (str, int, float, bool)) else ""

    @property
    def in_list(self) -> bool:
        return bool(self.where) and isinstance(self.where[-1], int)

    @property
    def parent(self) -> type[BaseModel] | None:
        """The record kind the field belongs to."""
        return model_at(self.model, self.where[:-1])


Wording = Callable[[Error], "tuple[str, str]"]
