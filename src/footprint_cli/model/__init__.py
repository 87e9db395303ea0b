"""Schemas of the data files and their loader."""
