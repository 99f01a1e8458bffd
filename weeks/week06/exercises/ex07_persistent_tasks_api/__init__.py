"""The tasks API on a real database: routes over a service, one session per request."""

from .api import create_app, get_session

__all__ = ["create_app", "get_session"]
