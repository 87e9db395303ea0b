"""`footprint serve`: a local web page and a JSON API on the same engine as the command line.

The page (``static/``: one HTML file, a small vanilla script, a stylesheet, no build step, no
CDN) only draws what the API returns; the API answers with the command line's JSON renderers,
byte for byte. Needs the optional ``web`` extra (FastAPI and uvicorn).
"""
