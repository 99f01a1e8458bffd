"""Checks for week07/ex01_password_hashing: Argon2 hashes, rehashing, and equal work per login.

The checks hand the learner's ``Passwords`` a ``PasswordHash`` whose Argon2 hasher uses tiny
costs (so a check takes milliseconds) and counts its calls: the "same work for an unknown user"
rule is checked by counting hashes and verifications, never by timing.
"""

from __future__ import annotations

from typing import Any

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, expect_true

FAST = 1  # Argon2 time cost of the checks' hashes (with 1 MiB of memory, one lane)
STRONGER = 2  # the "raised" time cost that makes FAST hashes outdated


class CountingHasher(Argon2Hasher):
    """An Argon2 hasher that counts how often it hashes and verifies."""

    def __init__(self, time_cost: int) -> None:
        super().__init__(time_cost=time_cost, memory_cost=1024, parallelism=1)
        self.hashes = 0
        self.verifies = 0

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self.hashes += 1
        return super().hash(password, salt=salt)

    def verify(self, password: str | bytes, hash: str | bytes) -> bool:
        self.verifies += 1
        return super().verify(password, hash)


def passwords(learner: Learner, time_cost: int = FAST) -> tuple[Any, CountingHasher]:
    """The learner's Passwords on a counting, fast Argon2 hasher."""
    counting = CountingHasher(time_cost)
    made = call(learner.cls("Passwords"), PasswordHash((counting,)),
                help="Passwords(hasher) keeps the PasswordHash it is given in self.hasher.")
    return made, counting


def old_hash(password: str) -> str:
    """A hash of ``password`` made with the FAST parameters (older than STRONGER)."""
    return PasswordHash((CountingHasher(FAST),)).hash(password)


def users_with(learner: Learner, email: str, stored: str) -> dict[str, Any]:
    user = call(learner.cls("User"), email, stored, help="User(email, password_hash) is given.")
    return {email: user}


def test_hash_is_argon2_and_salted(learner: Learner) -> None:
    """hashes with Argon2id and a fresh salt each time"""
    made, _ = passwords(learner)
    first = call(made.hash, "correct horse battery", help="Passwords.hash returns a string.")
    second = call(made.hash, "correct horse battery", help="Passwords.hash returns a string.")
    expect_true(isinstance(first, str) and first.startswith("$argon2id$"),
                what="Passwords.hash('correct horse battery')",
                expected="a string starting with '$argon2id$'", actual=repr(first),
                help="Return what self.hasher.hash(password) gives: the encoded Argon2 hash.")
    expect_true("correct horse battery" not in first,
                what="Passwords.hash('correct horse battery')",
                expected="a hash that does not contain the password", actual=repr(first),
                help="Never store or return the password itself.")
    expect_true(first != second, what="two hashes of the same password",
                expected="different strings (each has its own random salt)",
                actual=f"both {first!r}",
                help="Let pwdlib pick the salt: do not pass a fixed salt.")
    default = call(learner.cls("Passwords"), help="Passwords() builds its own Argon2 hasher.")
    made_by_default = call(default.hash, "x", help="Passwords().hash('x') returns a string.")
    expect_true(made_by_default.startswith("$argon2id$"),
                what="Passwords().hash('x')", expected="an Argon2id hash",
                actual=repr(made_by_default),
                help="Without an argument, Passwords uses PasswordHash((Argon2Hasher(),)).")


def test_hash_refuses_the_empty_password(learner: Learner) -> None:
    """refuses to hash an empty password, accepts a one-character one"""
    made, _ = passwords(learner)
    expect_raises(ValueError, made.hash, "", match="a password must not be empty",
                  help="Check 'if not password' before hashing, with the message the docstring "
                  "gives.")
    one = call(made.hash, " ", help="A single space is a (weak) password, not an empty one.")
    expect_call(made.verify, " ", one, returns=True,
                help="Only the empty string is refused; a one-character password hashes and "
                "verifies.")


def test_verify(learner: Learner) -> None:
    """verifies the right password and refuses a wrong one or a non-hash"""
    made, _ = passwords(learner)
    stored = made.hash("s3cret-Password")
    expect_call(made.verify, "s3cret-Password", stored, returns=True,
                help="verify(password, stored) is self.hasher.verify(password, stored).")
    expect_call(made.verify, "s3cret-password", stored, returns=False,
                help="Passwords are compared exactly: a change of case is a wrong password.")
    for not_a_hash in ("s3cret-Password", ""):
        expect_call(made.verify, "s3cret-Password", not_a_hash, returns=False,
                    help="pwdlib raises UnknownHashError for a stored value it does not "
                    "recognise (a plaintext left over from an old system, an empty column); "
                    "catch it and answer False.")


def test_verify_and_update(learner: Learner) -> None:
    """offers a new hash only when the stored one used older parameters"""
    made, _ = passwords(learner, STRONGER)
    current = made.hash("open sesame")
    expect_call(made.verify_and_update, "open sesame", current, returns=(True, None),
                help="A hash made with the current parameters needs no update.")
    outdated = old_hash("open sesame")
    matches, new_hash = call(made.verify_and_update, "open sesame", outdated,
                             help="verify_and_update returns (matches, new_hash).")
    expect_equal(matches, True, what="verify_and_update('open sesame', <hash with t=1>)[0]",
                 help="The password matches the old hash too.")
    expect_true(isinstance(new_hash, str) and "t=2" in new_hash,
                what="verify_and_update('open sesame', <hash with t=1>)[1]",
                expected="a new hash made with the current parameters (t=2)",
                actual=repr(new_hash),
                help="PasswordHash.verify_and_update rehashes when check_needs_rehash says so.")
    expect_call(made.verify_and_update, "wrong", outdated, returns=(False, None),
                help="A wrong password never gets a new hash.")
    expect_call(made.verify_and_update, "open sesame", "open sesame", returns=(False, None),
                help="A stored value that is not a hash raises UnknownHashError in pwdlib; "
                "answer (False, None).")


def test_authenticate(learner: Learner) -> None:
    """authenticates by email and password, with the same None for every failure"""
    authenticate = learner.function(
        "authenticate",
        signature="authenticate(users, email, password, passwords) -> User | None")
    made, _ = passwords(learner)
    users = users_with(learner, "ada@example.com", made.hash("analytical"))
    user = users["ada@example.com"]
    got = call(authenticate, users, "ada@example.com", "analytical", made,
               help="Return the user when the password matches.")
    expect_true(got is user, what="authenticate(users, 'ada@example.com', 'analytical', ...)",
                expected="the User from users", actual=repr(got),
                help="Look the user up with users.get(email) and return that object.")
    got = call(authenticate, users, "  Ada@Example.COM ", "analytical", made,
               help="Trim and lower-case the email before the lookup.")
    expect_true(got is user, what="authenticate(users, '  Ada@Example.COM ', 'analytical', ...)",
                expected="the User (emails are keyed trimmed and lower-cased)", actual=repr(got),
                help="Users type their email with capitals and stray spaces; normalise it with "
                "strip() and lower().")
    expect_call(authenticate, users, "ada@example.com", "Analytical", made, returns=None,
                help="A wrong password is None.")
    expect_call(authenticate, users, "bob@example.com", "analytical", made, returns=None,
                help="An unknown email is None too, exactly like a wrong password.")


def test_authenticate_rehashes_outdated_hashes(learner: Learner) -> None:
    """replaces an outdated hash on a successful login, and only then"""
    authenticate = learner.function("authenticate")
    made, _ = passwords(learner, STRONGER)
    outdated = old_hash("analytical")
    users = users_with(learner, "ada@example.com", outdated)
    user = users["ada@example.com"]
    call(authenticate, users, "ada@example.com", "wrong", made,
         help="A wrong password returns None.")
    expect_equal(user.password_hash, outdated, what="password_hash after a failed login",
                 help="Never touch the stored hash when the password is wrong.")
    call(authenticate, users, "ada@example.com", "analytical", made,
         help="A right password returns the user.")
    expect_true(user.password_hash != outdated and "t=2" in user.password_hash,
                what="password_hash after a successful login with a t=1 hash",
                expected="a new hash with the current parameters (t=2)",
                actual=repr(user.password_hash),
                help="Use verify_and_update and store new_hash on the user when it is not None.")
    current = user.password_hash
    call(authenticate, users, "ada@example.com", "analytical", made,
         help="A right password returns the user.")
    expect_equal(user.password_hash, current,
                 what="password_hash after a login with a current hash",
                 help="Rehash only when verify_and_update gives a new hash.")


def test_unknown_user_costs_the_same(learner: Learner) -> None:
    """spends one verification and no hashing for an unknown email, like a wrong password"""
    authenticate = learner.function("authenticate")
    made, counting = passwords(learner)
    users = users_with(learner, "ada@example.com", made.hash("analytical"))
    expect_true(isinstance(made.dummy_hash, str) and made.dummy_hash.startswith("$argon2"),
                what="Passwords(...).dummy_hash", expected="an Argon2 hash made in __init__",
                actual=repr(made.dummy_hash),
                help="Hash a throwaway password once, when Passwords is created.")
    work = {}
    for label, email, password in (("a wrong password", "ada@example.com", "nope"),
                                   ("an unknown email", "eve@example.com", "nope")):
        counting.hashes = counting.verifies = 0
        call(authenticate, users, email, password, made, help="authenticate returns None.")
        work[label] = (counting.hashes, counting.verifies)
    for label, (hashes, verifies) in work.items():
        expect_true((hashes, verifies) == (0, 1), what=f"the Argon2 work for {label}",
                    expected="0 hashes and 1 verification",
                    actual=f"{hashes} hashes and {verifies} verifications",
                    help="A login that returns early for an unknown email answers faster and "
                    "tells an attacker the email has no account: verify the password against "
                    "passwords.dummy_hash (made once in __init__, not per login).")
