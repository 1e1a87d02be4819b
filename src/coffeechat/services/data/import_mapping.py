"""Which column of a CSV fills which contact field: what the Import page, the API's
``map`` and the CLI's ``--map`` need from the CSV importer.

Free of Django, like the importers it speaks for, so the CLI can build its
``--map`` help from ``FIELD_LABELS`` without starting the app.
"""

from __future__ import annotations

from collections.abc import Sequence

from coffeechat.importers.base import ImportFileError
from coffeechat.importers.generic_csv import (
    FIELD_LABELS,
    column_examples,
    guess_mapping,
    names_someone,
    parse_mapping_options,
    read_header,
)
from coffeechat.services.errors import InvalidInput

__all__ = [
    "FIELD_LABELS",
    "ImportFileError",
    "column_examples",
    "guess_mapping",
    "mapping_from_options",
    "names_someone",
    "read_header",
]


def mapping_from_options(options: Sequence[str]) -> dict[str, str]:
    """``["first_name=Given", "email=Mail"]`` as field → column; a badly written or
    unknown field is InvalidInput on ``map``, naming the option."""
    try:
        return parse_mapping_options(options)
    except ImportFileError as exc:
        raise InvalidInput({"map": [exc.message]}) from None
