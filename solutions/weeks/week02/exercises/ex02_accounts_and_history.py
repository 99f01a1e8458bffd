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
        # BEGIN SOLUTION: build the Transaction, append it and return it
        transaction = Transaction(kind, amount, balance_after)
        self._transactions.append(transaction)
        return transaction
        # END SOLUTION

    def __len__(self) -> int:
        # BEGIN SOLUTION: the number of transactions
        return len(self._transactions)
        # END SOLUTION

    def __iter__(self) -> Iterator[Transaction]:
        # BEGIN SOLUTION: iterate over the transactions, oldest first
        return iter(self._transactions)
        # END SOLUTION

    def total(self, kind: str) -> int:
        """The sum of the amounts of every transaction of ``kind`` (0 when there is none)."""
        # BEGIN SOLUTION: add up the amounts of the matching transactions
        return sum(t.amount for t in self._transactions if t.kind == kind)
        # END SOLUTION


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
        # BEGIN SOLUTION: refuse amounts below 1, add, record, return
        if amount < 1:
            raise ValueError(f"deposit amount must be positive, got {amount}")
        self._balance += amount
        self._history.record("deposit", amount, self._balance)
        return self._balance
        # END SOLUTION

    def withdraw(self, amount: int) -> int:
        """Take ``amount`` out, record a "withdrawal" and return the balance.

        An amount below 1 raises ``ValueError`` naming the amount. When the balance would go
        below ``minimum_balance``, raise ``InsufficientFunds(number, amount, available)``, where
        ``available`` is how much could be withdrawn; nothing changes and nothing is recorded.
        """
        # BEGIN SOLUTION: refuse amounts below 1, compare with what is available, subtract, record
        if amount < 1:
            raise ValueError(f"withdrawal amount must be positive, got {amount}")
        available = self._balance - self.minimum_balance
        if amount > available:
            raise InsufficientFunds(self.number, amount, available)
        self._balance -= amount
        self._history.record("withdrawal", amount, self._balance)
        return self._balance
        # END SOLUTION


class SavingsAccount(Account):
    """An account that never goes below zero and earns interest."""

    @property
    def minimum_balance(self) -> int:
        # BEGIN SOLUTION: a savings account cannot be overdrawn
        return 0
        # END SOLUTION

    def add_interest(self, rate_percent: int) -> int:
        """Add ``rate_percent`` % of the balance, rounded down to the cent, and return it.

        A negative rate raises ``ValueError`` naming the rate. An interest of 0 cents changes
        nothing and records nothing; otherwise it is recorded as "interest".
        """
        # BEGIN SOLUTION: compute the interest with integer arithmetic, then add and record it
        if rate_percent < 0:
            raise ValueError(f"the interest rate cannot be negative, got {rate_percent}")
        interest = self._balance * rate_percent // 100
        if interest > 0:
            self._balance += interest
            self._history.record("interest", interest, self._balance)
        return interest
        # END SOLUTION


class CheckingAccount(Account):
    """An account that may go down to ``-overdraft_limit``.

    A negative ``overdraft_limit`` raises ``ValueError`` naming it; 0 means no overdraft.
    """

    def __init__(self, number: str, balance: int = 0, *, overdraft_limit: int = 0) -> None:
        # BEGIN SOLUTION: refuse a negative limit, store it, then let Account do the rest
        if overdraft_limit < 0:
            raise ValueError(f"the overdraft limit cannot be negative, got {overdraft_limit}")
        super().__init__(number, balance)
        self.overdraft_limit = overdraft_limit
        # END SOLUTION

    @property
    def minimum_balance(self) -> int:
        # BEGIN SOLUTION: the balance may go down to minus the overdraft limit
        return -self.overdraft_limit
        # END SOLUTION


def transfer(source: Account, target: Account, amount: int) -> None:
    """Move ``amount`` from ``source`` to ``target``, through their own methods.

    When the withdrawal is refused, its error propagates and ``target`` is left unchanged.
    """
    # BEGIN SOLUTION: withdraw first (it may refuse), then deposit
    source.withdraw(amount)
    target.deposit(amount)
    # END SOLUTION
