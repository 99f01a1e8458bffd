"""The one exception the settings package raises on purpose."""


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot use.

    ``variable`` is the name of the variable, so a caller can point at it.
    """

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(f"{variable}: {message}")
        self.variable = variable
