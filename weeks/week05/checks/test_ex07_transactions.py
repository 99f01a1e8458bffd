"""Checks for week05/ex07_transactions: an atomic transfer, watched by a second connection.

The checks run on SQLite files (in WAL mode, so a reader never waits for a writer) holding the
practice data: accounts 1 to 4 hold 10000, 2500, 0 and 500 cents; the ledger has 2 transfers.
A second connection looks at the data the way another request of the application would. Two
checks step in while the learner's transfer runs, through SQLite's statement trace: one reads
the data before every statement, the other runs a whole second transfer just before the first
one starts writing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    describe_exception,
    expect_equal,
    expect_raises,
    expect_true,
)
from workbook.checking_sql import DataSet, connect_sqlite, create_sqlite_file

DATA = DataSet.beside(__file__)
START = {1: 10000, 2: 2500, 3: 0, 4: 500}
_WRITES = ("BEGIN", "UPDATE", "INSERT", "DELETE", "REPLACE")


def _bank(tmp_path: Path) -> Path:
    return create_sqlite_file(tmp_path / "bank.db", DATA)


def _state(path: Path) -> tuple[dict[int, int], int]:
    """Balances and number of ledger rows, as a fresh connection sees them."""
    with sqlite3.connect(path) as observer:
        balances = dict(observer.execute("SELECT id, balance_cents FROM accounts").fetchall())
        ledger = observer.execute("SELECT COUNT(*) FROM transfers").fetchone()[0]
    observer.close()
    return balances, ledger


def _expect_unchanged(path: Path, conn: sqlite3.Connection, after: str) -> None:
    expect_true(not conn.in_transaction, what=f"after {after}",
                expected="no transaction left open on the connection",
                actual="a transaction is still open",
                help="Use 'with conn:' so the transaction ends (rolled back) when the error "
                "leaves the block; an open transaction keeps its locks.")
    expect_equal(_state(path), (START, 2), what=f"balances and ledger size after {after}",
                 help="A refused transfer must change nothing: raise before writing, or roll "
                 "the transaction back.")


def test_moves_money(learner: Learner, tmp_path: Path) -> None:
    """moves the money, records it and commits (SQLite)"""
    transfer = learner.function("transfer")
    path = _bank(tmp_path)
    conn = connect_sqlite(path)
    new_id = call(transfer, conn, 1, 3, 2500,
                  help="Debit the source, credit the target and insert the ledger row.")
    expect_equal(new_id, 3, what="transfer(conn, 1, 3, 2500) returned",
                 help="Return the id of the new transfers row (cursor.lastrowid).")
    expect_equal(_state(path), ({1: 7500, 2: 2500, 3: 2500, 4: 500}, 3),
                 what="balances and ledger size seen by another connection after the transfer",
                 help="Another connection only sees committed data: 'with conn:' commits when "
                 "the block ends.")
    with sqlite3.connect(path) as observer:
        row = observer.execute(
            "SELECT source_id, target_id, amount_cents FROM transfers WHERE id = 3").fetchone()
    observer.close()
    expect_equal(row, (1, 3, 2500), what="the new ledger row (source_id, target_id, amount_cents)",
                 help="Record who sent, who received and how much.")
    conn.close()


def test_whole_balance_and_one_cent_more(learner: Learner, tmp_path: Path) -> None:
    """sends a whole balance, then refuses one cent more with InsufficientFunds (SQLite)"""
    transfer = learner.function("transfer")
    insufficient = learner.cls("InsufficientFunds")
    path = _bank(tmp_path)
    conn = connect_sqlite(path)
    call(transfer, conn, 4, 2, 500, help="Sending exactly the balance is allowed (it leaves 0).")
    error = expect_raises(insufficient, transfer, conn, 4, 2, 1, match="4",
                          help="Guard the debit: UPDATE ... WHERE id = ? AND balance_cents >= ?; "
                          "when it changes no row, find out why and raise.")
    values = tuple(getattr(error, name, None)
                   for name in ("account_id", "balance_cents", "amount_cents"))
    expect_equal(values, (4, 0, 1),
                 what="InsufficientFunds (account_id, balance_cents, amount_cents)",
                 help="Read the balance after the guarded UPDATE refused, and pass it on.")
    expect_equal(_state(path), ({1: 10000, 2: 3000, 3: 0, 4: 0}, 3),
                 what="balances and ledger size after the refused transfer",
                 help="A refused transfer must change nothing.")
    conn.close()


def test_refuses_bad_amounts(learner: Learner, tmp_path: Path) -> None:
    """refuses an amount below 1 cent and a transfer to the same account (SQLite)"""
    transfer = learner.function("transfer")
    path = _bank(tmp_path)
    conn = connect_sqlite(path)
    for amount in (0, -5):
        expect_raises(ValueError, transfer, conn, 1, 2, amount, match=f"got {amount}",
                      help="Check the amount before anything else: "
                      "ValueError(f'amount must be at least 1 cent, got {amount_cents}').")
    expect_raises(ValueError, transfer, conn, 2, 2, 100, match="itself",
                  help="Moving money from an account to itself is a mistake of the caller: "
                  "raise ValueError('cannot transfer from an account to itself').")
    _expect_unchanged(path, conn, "the refused calls")
    call(transfer, conn, 1, 2, 1, help="One cent is the smallest amount allowed.")
    conn.close()


def test_unknown_accounts(learner: Learner, tmp_path: Path) -> None:
    """an unknown account raises AccountNotFound and rolls everything back (SQLite)"""
    transfer = learner.function("transfer")
    not_found = learner.cls("AccountNotFound")
    path = _bank(tmp_path)
    conn = connect_sqlite(path)
    error = expect_raises(not_found, transfer, conn, 99, 1, 100, match="99",
                          help="When the guarded debit changes no row, look the source up: no "
                          "row means AccountNotFound(source_id).")
    expect_equal(getattr(error, "account_id", None), 99, what="AccountNotFound.account_id",
                 help="Pass the unknown id to AccountNotFound.")
    error = expect_raises(not_found, transfer, conn, 1, 99, 100, match="99",
                          help="When the credit changes no row, the target does not exist: "
                          "raise AccountNotFound(target_id) inside 'with conn:'.")
    expect_equal(getattr(error, "account_id", None), 99, what="AccountNotFound.account_id",
                 help="Pass the unknown target id to AccountNotFound.")
    balance = conn.execute("SELECT balance_cents FROM accounts WHERE id = 1").fetchone()[0]
    expect_equal(balance, 10000, what="account 1's balance on the same connection afterwards",
                 help="The debit already ran when the target turned out unknown: raising inside "
                 "'with conn:' rolls it back; raising after a commit cannot.")
    _expect_unchanged(path, conn, "transfers to and from account 99")
    conn.close()


def test_never_half_a_transfer(learner: Learner, tmp_path: Path) -> None:
    """another connection never sees half a transfer (SQLite)"""
    transfer = learner.function("transfer")
    path = _bank(tmp_path)
    conn = connect_sqlite(path)
    seen: list[tuple[str, dict[int, int], int]] = []
    observer = sqlite3.connect(path)

    def look(statement: str) -> None:
        balances = dict(observer.execute("SELECT id, balance_cents FROM accounts").fetchall())
        ledger = observer.execute("SELECT COUNT(*) FROM transfers").fetchone()[0]
        seen.append((" ".join(statement.split()), balances, ledger))

    conn.set_trace_callback(look)
    try:
        call(transfer, conn, 1, 2, 4000, help="Debit, credit and record in one transaction.")
    finally:
        conn.set_trace_callback(None)
    look("(after the call)")
    observer.close()
    after = {1: 6000, 2: 6500, 3: 0, 4: 500}
    for statement, balances, ledger in seen:
        if (balances, ledger) not in ((START, 2), (after, 3)):
            raise CheckFailure(
                "another connection saw half a transfer: before your statement "
                f"{statement[:80]!r} it read balances {balances} and {ledger} ledger rows",
                expected=f"either {START} with 2 rows or {after} with 3 rows",
                actual=f"{balances} with {ledger} rows",
                help="Commit once, at the end: everything inside one 'with conn:' block is one "
                "transaction; a commit in the middle publishes half of it.",
            )
    expect_equal((seen[-1][1], seen[-1][2]), (after, 3),
                 what="what another connection sees after the transfer",
                 help="The transfer must be committed when the function returns.")
    conn.close()


def _run(func: Callable[..., Any], *args: Any) -> tuple[str, Any]:
    try:
        return "returned", func(*args)
    except NotImplementedError:
        raise
    except Exception as error:
        return "raised", error


def test_concurrent_transfers(learner: Learner, tmp_path: Path) -> None:
    """two transfers at once cannot overdraw an account or lose an update (SQLite)"""
    transfer = learner.function("transfer")
    insufficient = learner.cls("InsufficientFunds")
    path = _bank(tmp_path)
    first, second = connect_sqlite(path), connect_sqlite(path)
    outcome: list[tuple[str, Any]] = []

    def interleave(statement: str) -> None:
        if not outcome and statement.lstrip().upper().startswith(_WRITES):
            outcome.append(_run(transfer, second, 2, 3, 2000))

    first.set_trace_callback(interleave)
    try:
        result = _run(transfer, first, 2, 1, 2000)
    finally:
        first.set_trace_callback(None)
    if result[0] == "raised" and not isinstance(result[1], insufficient):
        raise CheckFailure(
            "transfer(conn, 2, 1, 2000), run while a second transfer took money from account 2, "
            f"raised {describe_exception(result[1])}",
            expected="InsufficientFunds (the other transfer took 2000 of the 2500 cents)",
            actual=describe_exception(result[1]),
            help="Let the guarded UPDATE decide: when it changes no row, raise InsufficientFunds.")
    if not outcome:
        raise CheckFailure(
            "transfer(conn, 2, 1, 2000) wrote nothing to the database",
            expected="an UPDATE of accounts", actual=f"{result[0]} {result[1]!r}",
            help="The transfer must change the balances in the database.")
    other = outcome[0]
    if other[0] == "raised":
        raise CheckFailure(
            "while one transfer of 2000 cents from account 2 was starting, a second one on "
            f"another connection raised {describe_exception(other[1])}",
            expected="the second transfer succeeds (account 2 holds 2500)",
            actual=describe_exception(other[1]),
            help="Keep the transaction short and start it with the guarded UPDATE; SQLite "
            "allows one writer at a time, so a write transaction opened early blocks others.")
    balances, ledger = _state(path)
    total = sum(balances.values())
    expect_true(total == sum(START.values()) and balances[2] == 500,
                what="two transfers of 2000 cents from account 2 (holding 2500) at the same time",
                expected="one succeeds, the other raises InsufficientFunds; account 2 keeps 500 "
                "and the bank still holds 13000 cents in total",
                actual=f"balances {balances} (total {total}); the first call {result[0]} "
                f"{result[1]!r}",
                help="Read-then-write loses updates: both calls read 2500 before either wrote. "
                "Let the database check the balance as it writes: UPDATE ... SET balance_cents = "
                "balance_cents - ? WHERE id = ? AND balance_cents >= ?.")
    expect_true(result[0] == "raised",
                what="the first transfer, after the second had taken 2000 of the 2500 cents",
                expected="InsufficientFunds", actual=f"{result[0]} {result[1]!r}",
                help="When the guarded UPDATE changes no row, raise InsufficientFunds.")
    expect_equal(ledger, 3, what="ledger rows after one successful and one refused transfer",
                 help="Only the successful transfer is recorded.")
    first.close()
    second.close()

