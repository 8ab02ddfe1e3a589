"""The engine that runs the build: MkDocs, or ProperDocs, which aliases the `mkdocs` package to
itself inside its own commands and logs under its own name ("properdocs.config", not
"mkdocs.config"). What listens to the engine's messages listens where they are sent."""

from __future__ import annotations

import logging


def engine_logger(name: str = "") -> logging.Logger:
    """The engine's logger, or one below it (".config", ".commands.build")."""
    import mkdocs  # under ProperDocs, the properdocs package itself

    return logging.getLogger(mkdocs.__name__ + name)
