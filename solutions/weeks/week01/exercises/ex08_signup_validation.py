"""Validate a sign-up form and say precisely what is wrong.

A bare ``False`` tells a user nothing. These validators return a list of problems, in a fixed
order, so an API can answer ``422 Unprocessable Content`` with every message at once and the
user can fix everything in one go. An empty list means the value is valid.

Use the message constants below; the order of the problems in a list is the order in which
the rules are described in each docstring.
"""

from __future__ import annotations

from collections.abc import Mapping

EMAIL_REQUIRED = "email is required"
EMAIL_SPACES = "email must not contain spaces"
EMAIL_ONE_AT = "email must contain exactly one @"
EMAIL_NO_NAME = "email needs a name before the @"
EMAIL_BAD_DOMAIN = "email domain must look like example.com"

PASSWORD_REQUIRED = "password is required"
PASSWORD_TOO_SHORT = "password must be at least 12 characters"
PASSWORD_NO_LOWER = "password must contain a lowercase letter"
PASSWORD_NO_UPPER = "password must contain an uppercase letter"
PASSWORD_NO_DIGIT = "password must contain a digit"
PASSWORD_HAS_EMAIL_NAME = "password must not contain the name of your email"
PASSWORD_TOO_COMMON = "password is too common"

MIN_PASSWORD_LENGTH = 12
MIN_NAME_LENGTH_TO_CHECK = 3
COMMON_PASSWORDS = frozenset({"password1234", "qwerty123456", "123456789abc", "letmein12345"})


def validate_email(email: str) -> list[str]:
    """Return the problems with ``email``, in this order (an empty list means valid).

    Spaces around the address are ignored. Then:

    1. nothing left: ``[EMAIL_REQUIRED]`` and nothing else;
    2. a space (any whitespace) inside: ``EMAIL_SPACES``;
    3. not exactly one ``@``: ``EMAIL_ONE_AT``, and stop there (there is no name or domain
       to look at);
    4. nothing before the ``@``: ``EMAIL_NO_NAME``;
    5. a domain without a dot, or starting or ending with a dot, or with two dots in a row:
       ``EMAIL_BAD_DOMAIN``.
    """
    # BEGIN SOLUTION: strip, handle the empty case, then check each rule in order
    value = email.strip()
    if not value:
        return [EMAIL_REQUIRED]
    problems: list[str] = []
    if any(char.isspace() for char in value):
        problems.append(EMAIL_SPACES)
    if value.count("@") != 1:
        problems.append(EMAIL_ONE_AT)
        return problems
    name, domain = value.split("@")
    if not name:
        problems.append(EMAIL_NO_NAME)
    if "." not in domain or domain.startswith(".") or domain.endswith(".") or ".." in domain:
        problems.append(EMAIL_BAD_DOMAIN)
    return problems
    # END SOLUTION


def validate_password(password: str, *, email: str = "") -> list[str]:
    """Return the problems with ``password``, in this order (an empty list means valid).

    Spaces are part of a password: never strip it. Then:

    1. empty: ``[PASSWORD_REQUIRED]`` and nothing else;
    2. fewer than ``MIN_PASSWORD_LENGTH`` characters: ``PASSWORD_TOO_SHORT``;
    3. no lowercase letter: ``PASSWORD_NO_LOWER``;
    4. no uppercase letter: ``PASSWORD_NO_UPPER``;
    5. no digit: ``PASSWORD_NO_DIGIT``;
    6. ``email`` has a name (the part before the ``@``) of at least
       ``MIN_NAME_LENGTH_TO_CHECK`` characters, and that name appears in the password,
       ignoring case: ``PASSWORD_HAS_EMAIL_NAME``;
    7. the password, lower-cased, is in ``COMMON_PASSWORDS``: ``PASSWORD_TOO_COMMON``.
    """
    # BEGIN SOLUTION: handle the empty case, then append a message for each broken rule
    if not password:
        return [PASSWORD_REQUIRED]
    problems: list[str] = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(PASSWORD_TOO_SHORT)
    if not any(char.islower() for char in password):
        problems.append(PASSWORD_NO_LOWER)
    if not any(char.isupper() for char in password):
        problems.append(PASSWORD_NO_UPPER)
    if not any(char.isdigit() for char in password):
        problems.append(PASSWORD_NO_DIGIT)
    name = email.strip().partition("@")[0].lower()
    if len(name) >= MIN_NAME_LENGTH_TO_CHECK and name in password.lower():
        problems.append(PASSWORD_HAS_EMAIL_NAME)
    if password.lower() in COMMON_PASSWORDS:
        problems.append(PASSWORD_TOO_COMMON)
    return problems
    # END SOLUTION


def validate_signup(form: Mapping[str, str]) -> dict[str, list[str]]:
    """Validate a sign-up form with the keys ``"email"`` and ``"password"``.

    Return ``{field: problems}`` for the fields that have problems only, so a valid form gives
    ``{}``. A missing key counts as an empty value. The password is checked against the email.
    """
    # BEGIN SOLUTION: validate both fields, then keep only the ones with problems
    email = form.get("email", "")
    found = {
        "email": validate_email(email),
        "password": validate_password(form.get("password", ""), email=email),
    }
    return {field: problems for field, problems in found.items() if problems}
    # END SOLUTION
