"""The settings record the rest of the service reads."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Everything the service needs to start."""

    debug: bool
    port: int
    database_url: str

    def describe(self) -> str:
        """One line for the start-up log, e.g. ``debug=False port=8000 database=sqlite``."""
        scheme = self.database_url.split(":", 1)[0]
        return f"debug={self.debug} port={self.port} database={scheme}"
