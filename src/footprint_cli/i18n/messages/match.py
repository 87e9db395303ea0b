"""Matching labels and origins of a purchase file: why a label or an origin is refused."""

MESSAGES: dict[str, tuple[str, str]] = {}
