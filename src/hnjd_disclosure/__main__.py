"""``python -m hnjd_disclosure``: the command line."""

from .cli import entry

entry()
