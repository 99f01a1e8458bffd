"""Account types that share one set of rules, and a transaction history they each own.

``Account`` is an abstract base class: it holds the balance and the rules for deposits and
withdrawals, and leaves one decision to its subclasses, how low the balance may go
(``minimum_balance``). A savings account may not go below zero; a checking account may go down
to minus its overdraft limit. Every account *has a* ``TransactionHistory`` (composition): the
history is a separate object the account writes to, not a base class. Amounts are integer cents.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Transaction:
    """One movement of money: ``kind`` is "deposit", "withdrawal" or "interest"."""

    kind: str
    amount: int
    balance_after: int


class InsufficientFunds(Exception):
    """A withdrawal that would take the balance below the account's minimum."""

    def __init__(self, number: str, amount: int, available: int) -> None:
        super().__init__(f"account {number}: cannot withdraw {amount}, only {available} available")
        self.number = number
        self.amount = amount
        self.available = available


class TransactionHistory:
    """The transactions of one account, oldest first. Supports ``len()`` and ``for``."""

    def __init__(self) -> None:
        self._transactions: list[Transaction] = []

    def record(self, kind: str, amount: int, balance_after: int) -> Transaction:
        """Append a transaction and return it."""
        # TODO: build the Transaction, append it and return it
        raise NotImplementedError

    def __len__(self) -> int:
        # TODO: the number of transactions
        raise NotImplementedError

    def __iter__(self) -> Iterator[Transaction]:
        # TODO: iterate over the transactions, oldest first
        raise NotImplementedError

    def total(self, kind: str) -> int:
        """The sum of the amounts of every transaction of ``kind`` (0 when there is none)."""
        # TODO: add up the amounts of the matching transactions
        raise NotImplementedError


class Account(ABC):
    """What every account shares. Subclasses say how low the balance may go."""

    def __init__(self, number: str, balance: int = 0) -> None:
        self.number = number
        self._balance = balance
        self._history = TransactionHistory()

    @property
    def balance(self) -> int:
        """The balance in cents; it changes only through the methods below."""
        return self._balance

    @property
    def history(self) -> TransactionHistory:
        """This account's own history (each account has a new one)."""
        return self._history

    @property
    @abstractmethod
    def minimum_balance(self) -> int:
        """The lowest balance this account may reach (0, or a negative overdraft)."""

    def deposit(self, amount: int) -> int:
        """Add ``amount``, record a "deposit" and return the balance.

        An amount below 1 raises ``ValueError`` naming the amount; nothing is recorded.
        """
        # TODO: refuse amounts below 1, add, record, return
        raise NotImplementedError

    def withdraw(self, amount: int) -> int:
        """Take ``amount`` out, record a "withdrawal" and return the balance.

        An amount below 1 raises ``ValueError`` naming the amount. When the balance would go
        below ``minimum_balance``, raise ``InsufficientFunds(number, amount, available)``, where
        ``available`` is how much could be withdrawn; nothing changes and nothing is recorded.
        """
        # TODO: refuse amounts below 1, compare with what is available, subtract, record
        raise NotImplementedError


class SavingsAccount(Account):
    """An account that never goes below zero and earns interest."""

    @property
    def minimum_balance(self) -> int:
        # TODO: a savings account cannot be overdrawn
        raise NotImplementedError

    def add_interest(self, rate_percent: int) -> int:
        """Add ``rate_percent`` % of the balance, rounded down to the cent, and return it.

        A negative rate raises ``ValueError`` naming the rate. An interest of 0 cents changes
        nothing and records nothing; otherwise it is recorded as "interest".
        """
        # TODO: compute the interest with integer arithmetic, then add and record it
        raise NotImplementedError


class CheckingAccount(Account):
    """An account that may go down to ``-overdraft_limit``.

    A negative ``overdraft_limit`` raises ``ValueError`` naming it; 0 means no overdraft.
    """

    def __init__(self, number: str, balance: int = 0, *, overdraft_limit: int = 0) -> None:
        # TODO: refuse a negative limit, store it, then let Account do the rest
        raise NotImplementedError

    @property
    def minimum_balance(self) -> int:
        # TODO: the balance may go down to minus the overdraft limit
        raise NotImplementedError


def transfer(source: Account, target: Account, amount: int) -> None:
    """Move ``amount`` from ``source`` to ``target``, through their own methods.

    When the withdrawal is refused, its error propagates and ``target`` is left unchanged.
    """
    # TODO: withdraw first (it may refuse), then deposit
    raise NotImplementedError
