"""Batch reports: purchase files in (formats, columns, ma-cantine), labels and origins matched.

Importing this package is cheap; pandas is loaded only when a reader or matcher is used::

    from footprint_cli.batch import read_purchases, match_labels, match_origins
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_getattr

_LAZY = {
    "PurchaseFile": ("footprint_cli.batch.reader", "PurchaseFile"),
    "read_purchases": ("footprint_cli.batch.reader", "read_purchases"),
    "LINE_COLUMNS": ("footprint_cli.batch.reader", "LINE_COLUMNS"),
    "CANONICAL_COLUMNS": ("footprint_cli.batch.reader", "CANONICAL_COLUMNS"),
    "match_labels": ("footprint_cli.batch.match", "match_labels"),
    "match_origins": ("footprint_cli.batch.match", "match_origins"),
    "clean_label": ("footprint_cli.batch.match", "clean_label"),
    "MATCH_THRESHOLD": ("footprint_cli.batch.match", "MATCH_THRESHOLD"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .match import MATCH_THRESHOLD, clean_label, match_labels, match_origins
    from .reader import CANONICAL_COLUMNS, LINE_COLUMNS, PurchaseFile, read_purchases


__getattr__ = lazy_getattr(__name__, _LAZY)


__all__ = [
    "CANONICAL_COLUMNS",
    "LINE_COLUMNS",
    "MATCH_THRESHOLD",
    "PurchaseFile",
    "clean_label",
    "match_labels",
    "match_origins",
    "read_purchases",
]
