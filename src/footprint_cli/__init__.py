"""footprint: compare food products by origin, production system and month.

Library use::

    from footprint_cli import load_dataset, Scenario, compute
    data = load_dataset()

Heavy modules (pandas for batch reports) are imported only where needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_getattr

__version__ = "0.1.0"

_LAZY = {
    "load_dataset": ("footprint_cli.store", "load_dataset"),
    "Dataset": ("footprint_cli.model.loader", "Dataset"),
    "Scenario": ("footprint_cli.engine", "Scenario"),
    "compute": ("footprint_cli.engine", "compute"),
    "compare": ("footprint_cli.engine", "compare"),
    "Catalog": ("footprint_cli.catalog", "Catalog"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .catalog import Catalog  # noqa: F401
    from .engine import Scenario, compare, compute  # noqa: F401
    from .model.loader import Dataset  # noqa: F401
    from .store import load_dataset  # noqa: F401


__getattr__ = lazy_getattr(__name__, _LAZY)


__all__ = ["__version__", *_LAZY]
