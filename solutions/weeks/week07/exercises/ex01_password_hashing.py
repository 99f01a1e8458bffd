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
        # BEGIN SOLUTION: hash a throwaway password once, to verify against for unknown users
        self.dummy_hash = self.hasher.hash("a password nobody has")
        # STUB: self.dummy_hash = ""
        # END SOLUTION

    def hash(self, password: str) -> str:
        """The Argon2 hash of ``password`` (a new random salt each time).

        Raises ``ValueError("a password must not be empty")`` for ``""``.
        """
        # BEGIN SOLUTION: refuse the empty password, then hash with self.hasher
        if not password:
            raise ValueError("a password must not be empty")
        return self.hasher.hash(password)
        # END SOLUTION

    def verify(self, password: str, stored: str) -> bool:
        """Whether ``password`` matches ``stored``; ``False`` when ``stored`` is not a hash."""
        # BEGIN SOLUTION: verify with self.hasher; an unknown hash format is a failed login
        try:
            return self.hasher.verify(password, stored)
        except UnknownHashError:
            return False
        # END SOLUTION

    def verify_and_update(self, password: str, stored: str) -> tuple[bool, str | None]:
        """``(matches, new_hash)``: ``new_hash`` is set only when the password matches and
        ``stored`` was made with other parameters than the current ones.

        A stored value that is not a hash gives ``(False, None)``.
        """
        # BEGIN SOLUTION: let pwdlib verify and decide whether to rehash
        try:
            return self.hasher.verify_and_update(password, stored)
        except UnknownHashError:
            return False, None
        # END SOLUTION


def authenticate(
    users: dict[str, User], email: str, password: str, passwords: Passwords
) -> User | None:
    """The user with this email and password, or ``None``.

    ``users`` is keyed by lower-case email; the email given is trimmed and lower-cased first.
    An unknown email costs one verification against ``passwords.dummy_hash``, like a wrong
    password does, and hashes nothing. When the password matches a hash made with outdated
    parameters, the user's ``password_hash`` is replaced by the new hash.
    """
    # BEGIN SOLUTION: look the user up, spend the same work when absent, rehash when outdated
    user = users.get(email.strip().lower())
    if user is None:
        passwords.verify(password, passwords.dummy_hash)
        return None
    matches, new_hash = passwords.verify_and_update(password, user.password_hash)
    if not matches:
        return None
    if new_hash is not None:
        user.password_hash = new_hash
    return user
    # END SOLUTION
