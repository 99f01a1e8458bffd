"""Turn the text of an environment variable into a typed value, or raise SettingsError."""

from .errors import SettingsError

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
MAX_PORT = 65535


def parse_port(variable: str, text: str) -> int:
    """Return ``text`` as a TCP port (1 to 65535); ``variable`` names it in the error."""
    try:
        port = int(text.strip())
    except ValueError:
        raise SettingsError(variable, f"expected a port number, got {text!r}") from None
    if not 1 <= port <= MAX_PORT:
        raise SettingsError(variable, f"a port must be between 1 and {MAX_PORT}, got {port}")
    return port


def parse_bool(variable: str, text: str) -> bool:
    """Return True for 1/true/yes/on and False for 0/false/no/off.

    Case and surrounding spaces do not matter (``" TRUE "`` is True). Any other text raises
    ``SettingsError(variable, ...)`` whose message quotes the text it could not read.
    """
    # BEGIN SOLUTION: normalise the text, look it up in TRUE_WORDS and FALSE_WORDS, raise otherwise
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SettingsError(variable, f"expected one of 1/0, true/false, yes/no, on/off, got {text!r}")
    # END SOLUTION
