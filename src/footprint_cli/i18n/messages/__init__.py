"""The catalogue's texts, one module per domain, each a ``MESSAGES = {key: (fr, en)}`` dict."""
