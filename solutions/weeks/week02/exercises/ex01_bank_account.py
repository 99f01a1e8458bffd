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
        # BEGIN SOLUTION: store both amounts and build a message that names them
        super().__init__(f"cannot withdraw {amount} cents: the balance is only {balance} cents")
        self.balance = balance
        self.amount = amount
        # END SOLUTION


class BankAccount:
    """One customer's account, identified by its ``number``.

    ``BankAccount("ACC-001", "Ana", balance=1500)`` opens an account with 15.00. The owner is
    stored stripped of surrounding spaces and must not be empty (``ValueError("an account needs
    an owner")``); the opening balance must not be negative (``ValueError`` naming it).
    """

    def __init__(self, number: str, owner: str, balance: int = 0) -> None:
        # BEGIN SOLUTION: validate the owner and the opening balance, then store the three values
        owner = owner.strip()
        if not owner:
            raise ValueError("an account needs an owner")
        if balance < 0:
            raise ValueError(f"the opening balance cannot be negative, got {balance}")
        self.number = number
        self.owner = owner
        self._balance = balance
        # END SOLUTION

    @property
    def balance(self) -> int:
        """The current balance in cents (read-only: there is no setter)."""
        # BEGIN SOLUTION: return the balance kept in a private attribute
        return self._balance
        # END SOLUTION

    def deposit(self, amount: int) -> int:
        """Add ``amount`` cents and return the new balance.

        An amount below 1 raises ``ValueError("deposit amount must be positive, got <amount>")``
        and leaves the balance unchanged.
        """
        # BEGIN SOLUTION: refuse a non-positive amount, then add it
        if amount <= 0:
            raise ValueError(f"deposit amount must be positive, got {amount}")
        self._balance += amount
        return self._balance
        # END SOLUTION

    def withdraw(self, amount: int) -> int:
        """Take ``amount`` cents out and return the new balance.

        An amount below 1 raises ``ValueError("withdrawal amount must be positive, got
        <amount>")``. An amount larger than the balance raises ``InsufficientFunds(balance,
        amount)``; withdrawing the whole balance is allowed. A refused withdrawal changes nothing.
        """
        # BEGIN SOLUTION: refuse a non-positive amount and an overdraft, then subtract
        if amount <= 0:
            raise ValueError(f"withdrawal amount must be positive, got {amount}")
        if amount > self._balance:
            raise InsufficientFunds(self._balance, amount)
        self._balance -= amount
        return self._balance
        # END SOLUTION

    def __repr__(self) -> str:
        """``BankAccount(number='ACC-001', owner='Ana', balance=1500)``: reads like the call."""
        # BEGIN SOLUTION: show the class name and the three values with !r
        return (
            f"{type(self).__name__}(number={self.number!r}, owner={self.owner!r}, "
            f"balance={self._balance!r})"
        )
        # END SOLUTION

    def __eq__(self, other: object) -> bool:
        """Accounts are equal when their numbers are; anything else is not an account."""
        # BEGIN SOLUTION: compare numbers, or return NotImplemented for other types
        if not isinstance(other, BankAccount):
            return NotImplemented
        return self.number == other.number
        # END SOLUTION

    def __hash__(self) -> int:
        """Hash by the number, consistently with ``__eq__``, so accounts can go in sets."""
        # BEGIN SOLUTION: hash the account number
        return hash(self.number)
        # END SOLUTION
