"""The tasks API as a modular monolith: one package per domain, one factory for the app.

::

    ex07_app_factory/
      __init__.py     create_app and Settings, the package's public face
      settings.py     Settings: everything that differs between environments
      app.py          create_app(settings): builds a fresh FastAPI app
      tasks/          the tasks domain: its service (rules) and its router (HTTP)

Nothing lives at module level except code: every piece of state (the settings, the task
service) hangs off ``app.state`` of the app that ``create_app`` built, so two apps, one per
test or one per tenant, never see each other's data.
"""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
