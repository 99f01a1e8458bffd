"""Password storage for the accounts service: Argon2 hashes through pwdlib.

A stored hash such as ``$argon2id$v=19$m=65536,t=3,p=4$<salt>$<digest>`` carries its own salt
and cost parameters, so the same password hashes differently every time and an old hash can be
recognised (and replaced) when the parameters are raised.

``authenticate`` is the login rule: the same answer (``None``) for an unknown email and for a
wrong password, and the same work for both, because an unknown email is checked against a dummy
hash instead of returning early. Otherwise the time a login takes tells an attacker which emails
have accounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from pwdlib import PasswordHash
from pwdlib.exceptions import UnknownHashError
from pwdlib.hashers.argon2 import Argon2Hasher


@dataclass
class User:
    """An account as the user store keeps it: never the password, only its hash."""

    email: str
    password_hash: str


class Passwords:
    """Hash and verify passwords with one ``PasswordHash`` (Argon2id with pwdlib's defaults)."""

    def __init__(self, hasher: PasswordHash | None = None) -> None:
        self.hasher = hasher if hasher is not None else PasswordHash((Argon2Hasher(),))
        self.dummy_hash = ""

    def hash(self, password: str) -> str:
        """The Argon2 hash of ``password`` (a new random salt each time).

        Raises ``ValueError("a password must not be empty")`` for ``""``.
        """
        # TODO: refuse the empty password, then hash with self.hasher
        raise NotImplementedError

    def verify(self, password: str, stored: str) -> bool:
        """Whether ``password`` matches ``stored``; ``False`` when ``stored`` is not a hash."""
        # TODO: verify with self.hasher; an unknown hash format is a failed login
        raise NotImplementedError

    def verify_and_update(self, password: str, stored: str) -> tuple[bool, str | None]:
        """``(matches, new_hash)``: ``new_hash`` is set only when the password matches and
        ``stored`` was made with other parameters than the current ones.

        A stored value that is not a hash gives ``(False, None)``.
        """
        # TODO: let pwdlib verify and decide whether to rehash
        raise NotImplementedError


def authenticate(
    users: dict[str, User], email: str, password: str, passwords: Passwords
) -> User | None:
    """The user with this email and password, or ``None``.

    ``users`` is keyed by lower-case email; the email given is trimmed and lower-cased first.
    An unknown email costs one verification against ``passwords.dummy_hash``, like a wrong
    password does, and hashes nothing. When the password matches a hash made with outdated
    parameters, the user's ``password_hash`` is replaced by the new hash.
    """
    # TODO: look the user up, spend the same work when absent, rehash when outdated
    raise NotImplementedError
