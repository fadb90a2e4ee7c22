"""The days a session file may name: between :data:`~workshop.model.limits.FIRST_DATE` and ``LAST_DATE``.

One check for a session's ``[workshop] date``, its notes' times and a series' milestones and decisions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from workshop.model import limits


def date_in_range(value: dt.date) -> dt.date:
    """A date (or a date and time) between the limits: no year 1 or 9999, whose arithmetic overflows."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not limits.FIRST_DATE <= day <= limits.LAST_DATE:
        raise PydanticCustomError(
            "date_range",
            "the date must lie between {first} and {last}",
            {"first": limits.FIRST_DATE.isoformat(), "last": limits.LAST_DATE.isoformat()},
        )
    return value


Day = Annotated[dt.date, AfterValidator(date_in_range)]
"""A day between 1900 and 2199."""
