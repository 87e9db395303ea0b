"""Checking data files: each problem of a `file:line: field: message` line."""

MESSAGES: dict[str, tuple[str, str]] = {}
