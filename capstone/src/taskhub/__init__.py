"""TaskHub: a small, carefully built task-tracking API."""

__version__ = "1.0.0"
