"""The base of every model of a session file: unknown keys are errors."""

# Annotations are read as written, not postponed (no ``from __future__ import annotations`` in the
# model's modules): pydantic would otherwise evaluate each one from its text as every class is
# made, some 12 ms of every start (tests/test_startup_imports.py keeps it so).

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
