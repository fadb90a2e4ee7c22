"""The base of every model of a session file: unknown keys are errors."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base: unknown keys are errors (a typo must not vanish silently)."""

    # Every field has a docstring for readers. They are not copied into the schema
    # (use_attribute_docstrings reads the source at import and costs 45 ms of every start).
    # The validators are built when first needed, not at import: a start from the store's
    # cache (see revive below) needs none, and building them costs some 15 ms of every start.
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=False,
        str_strip_whitespace=False,
        defer_build=True,
    )
