"""Bonus: a blog API whose nested reads run a fixed number of SQL statements."""

from .api import create_app

__all__ = ["create_app"]
