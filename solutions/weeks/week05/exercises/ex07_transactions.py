"""Day 35: moving money between two accounts, all or nothing, even with two connections at once.

The tables come from ``weeks/week05/data/schema.sql``::

    accounts  (id, owner, balance_cents)   -- CHECK (balance_cents >= 0)
    transfers (id, source_id, target_id, amount_cents)   -- the ledger, one row per transfer

``conn`` is an ``sqlite3`` connection opened the usual way (``sqlite3.connect(path)``): Python
starts a transaction before the first INSERT or UPDATE, and ``with conn:`` commits it when the
block ends normally or rolls it back when an exception leaves the block.
"""

from __future__ import annotations

import sqlite3


class TransferError(Exception):
    """Base class of the errors a transfer raises on purpose."""


class AccountNotFound(TransferError):
    """No account has this id. Attribute: ``account_id``."""

    def __init__(self, account_id: int) -> None:
        super().__init__(f"no account with id {account_id}")
        self.account_id = account_id


class InsufficientFunds(TransferError):
    """The source account holds less than the amount. Attributes: ``account_id``,
    ``balance_cents`` (what it holds) and ``amount_cents`` (what was asked)."""

    def __init__(self, account_id: int, balance_cents: int, amount_cents: int) -> None:
        super().__init__(
            f"account {account_id} holds {balance_cents} cents, cannot send {amount_cents}"
        )
        self.account_id = account_id
        self.balance_cents = balance_cents
        self.amount_cents = amount_cents


def transfer(conn: sqlite3.Connection, source_id: int, target_id: int, amount_cents: int) -> int:
    """Move ``amount_cents`` from ``source_id`` to ``target_id``, record it in ``transfers`` and
    return the new transfer's id.

    Refuses, before touching the database: an amount below 1 with
    ``ValueError("amount must be at least 1 cent, got <amount>")``, and a transfer from an
    account to itself with ``ValueError("cannot transfer from an account to itself")``.
    Raises ``AccountNotFound`` for an unknown source or target and ``InsufficientFunds`` when
    the source holds less than the amount. Both balances and the ledger row change together,
    in one transaction, or not at all; another connection never sees half a transfer.

    Another connection may be moving money at the same moment: check the balance in the
    UPDATE itself (``... WHERE id = ? AND balance_cents >= ?``) rather than reading it first
    and writing a value computed in Python, which would lose the other transfer.
    """
    # BEGIN SOLUTION: validate, then debit (guarded), credit and record in one transaction
    if amount_cents < 1:
        raise ValueError(f"amount must be at least 1 cent, got {amount_cents}")
    if source_id == target_id:
        raise ValueError("cannot transfer from an account to itself")
    with conn:
        debited = conn.execute(
            "UPDATE accounts SET balance_cents = balance_cents - ? "
            "WHERE id = ? AND balance_cents >= ?",
            (amount_cents, source_id, amount_cents),
        ).rowcount
        if debited == 0:
            row = conn.execute(
                "SELECT balance_cents FROM accounts WHERE id = ?", (source_id,)
            ).fetchone()
            if row is None:
                raise AccountNotFound(source_id)
            raise InsufficientFunds(source_id, row[0], amount_cents)
        credited = conn.execute(
            "UPDATE accounts SET balance_cents = balance_cents + ? WHERE id = ?",
            (amount_cents, target_id),
        ).rowcount
        if credited == 0:
            raise AccountNotFound(target_id)
        cursor = conn.execute(
            "INSERT INTO transfers (source_id, target_id, amount_cents) VALUES (?, ?, ?)",
            (source_id, target_id, amount_cents),
        )
    transfer_id = cursor.lastrowid
    assert transfer_id is not None
    return transfer_id
    # END SOLUTION
