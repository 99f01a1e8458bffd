"""A bank account that protects its own rules.

Money is kept in integer cents, so 1050 means 10.50. The balance changes only through
``deposit`` and ``withdraw``; it can be read but not assigned. Two account objects are the same
account when they have the same account number, whatever their balances say.
"""

from __future__ import annotations


class InsufficientFunds(Exception):
    """A withdrawal larger than the balance. Attributes: ``balance`` and ``amount`` (cents).

    Message: ``cannot withdraw 1001 cents: the balance is only 1000 cents``.
    """

    def __init__(self, balance: int, amount: int) -> None:
        # TODO: store both amounts and build a message that names them
        raise NotImplementedError


class BankAccount:
    """One customer's account, identified by its ``number``.

    ``BankAccount("ACC-001", "Ana", balance=1500)`` opens an account with 15.00. The owner is
    stored stripped of surrounding spaces and must not be empty (``ValueError("an account needs
    an owner")``); the opening balance must not be negative (``ValueError`` naming it).
    """

    def __init__(self, number: str, owner: str, balance: int = 0) -> None:
        # TODO: validate the owner and the opening balance, then store the three values
        raise NotImplementedError

    @property
    def balance(self) -> int:
        """The current balance in cents (read-only: there is no setter)."""
        # TODO: return the balance kept in a private attribute
        raise NotImplementedError

    def deposit(self, amount: int) -> int:
        """Add ``amount`` cents and return the new balance.

        An amount below 1 raises ``ValueError("deposit amount must be positive, got <amount>")``
        and leaves the balance unchanged.
        """
        # TODO: refuse a non-positive amount, then add it
        raise NotImplementedError

    def withdraw(self, amount: int) -> int:
        """Take ``amount`` cents out and return the new balance.

        An amount below 1 raises ``ValueError("withdrawal amount must be positive, got
        <amount>")``. An amount larger than the balance raises ``InsufficientFunds(balance,
        amount)``; withdrawing the whole balance is allowed. A refused withdrawal changes nothing.
        """
        # TODO: refuse a non-positive amount and an overdraft, then subtract
        raise NotImplementedError

    def __repr__(self) -> str:
        """``BankAccount(number='ACC-001', owner='Ana', balance=1500)``: reads like the call."""
        # TODO: show the class name and the three values with !r
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        """Accounts are equal when their numbers are; anything else is not an account."""
        # TODO: compare numbers, or return NotImplemented for other types
        raise NotImplementedError

    def __hash__(self) -> int:
        """Hash by the number, consistently with ``__eq__``, so accounts can go in sets."""
        # TODO: hash the account number
        raise NotImplementedError
