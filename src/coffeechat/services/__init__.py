"""Use cases, one package per area of the product; the only layer that writes.

Each area has the same rooms: writes in ``actions.py`` (or a module named for
the use case), every queryset the interfaces need in ``queries.py``, and a
screen's whole data as a frozen dataclass in ``page.py``. Web, API and CLI call
these and never the models (import-linter holds it).
"""
