"""Checks for week02/ex02_accounts_and_history: an abstract base, two subclasses, composition."""

from __future__ import annotations

from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    describe_exception,
    expect_call,
    expect_equal,
    expect_raises,
    expect_true,
)


def _savings(learner: Learner, balance: int = 0) -> Any:
    return call(learner.cls("SavingsAccount"), "SAV-1", balance,
                help="SavingsAccount takes the number and the opening balance, like Account.")


def _checking(learner: Learner, balance: int = 0, limit: int = 0) -> Any:
    return call(learner.cls("CheckingAccount"), "CHK-1", balance, overdraft_limit=limit,
                help="CheckingAccount(number, balance, overdraft_limit=...) validates the limit "
                "and then calls super().__init__(number, balance).")


def _rows(history: Any) -> list[tuple[Any, ...]]:
    return [(t.kind, t.amount, t.balance_after) for t in history]


def test_history_records(learner: Learner) -> None:
    """a history records transactions and supports len() and for"""
    history = call(learner.cls("TransactionHistory"), help="TransactionHistory() takes no "
                   "arguments.")
    expect_equal(len(history), 0, what="len(TransactionHistory())",
                 help="__len__ returns how many transactions were recorded: none yet.")
    transaction_class = learner.cls("Transaction")
    first = call(history.record, "deposit", 500, 500, help="record builds a Transaction.")
    expect_equal(first, transaction_class("deposit", 500, 500),
                 what="history.record('deposit', 500, 500)",
                 help="Build Transaction(kind, amount, balance_after), append it, return it.")
    call(history.record, "withdrawal", 200, 300, help="record builds a Transaction.")
    call(history.record, "deposit", 50, 350, help="record builds a Transaction.")
    expect_equal(len(history), 3, what="len(history) after three records",
                 help="Count the transactions in the list.")
    expect_equal(_rows(history),
                 [("deposit", 500, 500), ("withdrawal", 200, 300), ("deposit", 50, 350)],
                 what="the transactions in a for loop",
                 help="__iter__ returns iter(self._transactions), oldest first.")
    expect_call(history.total, "deposit", returns=550,
                help="Add up the amounts of the transactions of that kind.")
    expect_call(history.total, "interest", returns=0,
                help="No transaction of that kind: the total is 0.")


def test_account_is_abstract(learner: Learner) -> None:
    """Account cannot be created; each subclass says how low its balance may go"""
    account = learner.cls("Account")
    expect_raises(TypeError, account, "ACC-1",
                  help="Account is an ABC with an abstract minimum_balance: Python refuses to "
                  "create one, only its subclasses.")
    expect_equal(_savings(learner).minimum_balance, 0, what="SavingsAccount(...).minimum_balance",
                 help="A savings account may not go below zero.")
    expect_equal(_checking(learner, limit=300).minimum_balance, -300,
                 what="CheckingAccount(..., overdraft_limit=300).minimum_balance",
                 help="A checking account may go down to minus its overdraft limit.")
    for name in ("SavingsAccount", "CheckingAccount"):
        expect_true(issubclass(learner.cls(name), account), what=name,
                    expected="a subclass of Account", actual="not a subclass",
                    help="A savings account *is an* account: inherit from Account.")


def test_each_account_has_its_own_history(learner: Learner) -> None:
    """deposits and withdrawals are recorded in each account's own history"""
    one = _savings(learner, 1000)
    two = _savings(learner, 0)
    expect_call(one.deposit, 1, returns=1001,
                help="deposit adds the amount (1 cent is the smallest) and returns the balance.")
    expect_call(one.withdraw, 401, returns=600,
                help="withdraw subtracts the amount and returns the balance.")
    expect_equal(_rows(one.history), [("deposit", 1, 1001), ("withdrawal", 401, 600)],
                 what="account.history after deposit(1) and withdraw(401)",
                 help="Record each movement with its kind, its amount and the balance after it.")
    expect_equal(_rows(two.history), [], what="another account's history",
                 help="Each account creates its own TransactionHistory in __init__ (composition);"
                 " a history shared between accounts would show the other account's movements.")
    expect_true(isinstance(one.history, learner.cls("TransactionHistory")),
                what="account.history", expected="a TransactionHistory",
                actual=type(one.history).__name__, help="Keep the history object Account makes.")


def test_refuses_non_positive_amounts(learner: Learner) -> None:
    """refuses deposits and withdrawals below 1 and records nothing"""
    account = _checking(learner, 500, limit=100)
    for amount in (0, -1):
        expect_raises(ValueError, account.deposit, amount, match=str(amount),
                      help="Refuse an amount below 1 with ValueError, naming the amount.")
        expect_raises(ValueError, account.withdraw, amount, match=str(amount),
                      help="Refuse an amount below 1 with ValueError, naming the amount.")
    expect_equal((account.balance, _rows(account.history)), (500, []),
                 what="(balance, history) after refused operations",
                 help="Validate before changing or recording anything.")


def test_savings_cannot_be_overdrawn(learner: Learner) -> None:
    """a savings account can be emptied, not overdrawn"""
    insufficient = learner.cls("InsufficientFunds")
    account = _savings(learner, 300)
    error = expect_raises(insufficient, account.withdraw, 301,
                          help="withdraw asks self.minimum_balance (0 here): 301 out of 300 is "
                          "refused with InsufficientFunds.")
    expect_equal((getattr(error, "amount", None), getattr(error, "available", None)), (301, 300),
                 what="InsufficientFunds(...) raised by withdraw(301) on 300: (amount, available)",
                 help="available is what could be withdrawn: balance - minimum_balance.")
    expect_equal((account.balance, len(account.history)), (300, 0),
                 what="(balance, len(history)) after the refused withdrawal",
                 help="Nothing changes and nothing is recorded when a withdrawal is refused.")
    expect_call(account.withdraw, 300, returns=0,
                help="Exactly the balance is allowed: compare amount > available.")


def test_checking_overdraft(learner: Learner) -> None:
    """a checking account goes down to minus its overdraft limit, and no further"""
    insufficient = learner.cls("InsufficientFunds")
    account = _checking(learner, 100, limit=250)
    error = expect_raises(insufficient, account.withdraw, 351,
                          help="100 in the account and 250 of overdraft: 351 is one too many.")
    expect_equal(getattr(error, "available", None), 350,
                 what="available in the InsufficientFunds of withdraw(351)",
                 help="available = balance - minimum_balance = 100 - (-250).")
    expect_call(account.withdraw, 350, returns=-250,
                help="Down to exactly minus the limit is allowed.")
    expect_equal(_rows(account.history), [("withdrawal", 350, -250)],
                 what="history after withdraw(350)", help="Record the withdrawal.")
    no_overdraft = _checking(learner, 10, limit=0)
    expect_raises(insufficient, no_overdraft.withdraw, 11,
                  help="With a limit of 0, a checking account behaves like savings.")


def test_checking_refuses_negative_limit(learner: Learner) -> None:
    """refuses a negative overdraft limit, and accepts 0"""
    checking = learner.cls("CheckingAccount")
    expect_raises(ValueError, checking, "CHK-1", 0, overdraft_limit=-1, match="-1",
                  help="A negative overdraft limit makes no sense: raise ValueError naming it.")
    account = _checking(learner, 0, limit=0)
    expect_equal((account.number, account.balance, account.overdraft_limit), ("CHK-1", 0, 0),
                 what="CheckingAccount('CHK-1', 0, overdraft_limit=0): (number, balance, "
                 "overdraft_limit)", help="A limit of exactly 0 is allowed; store it and let "
                 "Account store the rest.")


def test_interest(learner: Learner) -> None:
    """adds interest rounded down to the cent and records it"""
    account = _savings(learner, 1999)
    expect_call(account.add_interest, 5, returns=99,
                help="5% of 1999 is 99.95 cents: round down with integer arithmetic "
                "(balance * rate // 100).")
    expect_equal(account.balance, 2098, what="balance after add_interest(5) on 1999",
                 help="Add the interest to the balance.")
    expect_equal(_rows(account.history), [("interest", 99, 2098)],
                 what="history after add_interest(5)", help="Record the interest as 'interest'.")
    cent = _savings(learner, 20)
    expect_call(cent.add_interest, 5, returns=1, help="5% of 20 cents is exactly 1 cent.")
    expect_equal(_rows(cent.history), [("interest", 1, 21)], what="history after 1 cent of "
                 "interest", help="Any interest above 0, even 1 cent, is added and recorded.")
    small = _savings(learner, 19)
    expect_call(small.add_interest, 5, returns=0,
                help="5% of 19 cents rounds down to 0.")
    expect_equal((small.balance, len(small.history)), (19, 0),
                 what="(balance, len(history)) after 0 cents of interest",
                 help="An interest of 0 cents changes nothing and records nothing.")
    expect_call(small.add_interest, 0, returns=0, help="A rate of 0 is allowed and earns 0.")
    expect_raises(ValueError, small.add_interest, -1, match="-1",
                  help="A negative rate would take money: raise ValueError naming it.")


def test_transfer(learner: Learner) -> None:
    """transfers between accounts, and a refused transfer changes neither"""
    transfer = learner.function("transfer")
    insufficient = learner.cls("InsufficientFunds")
    source = _checking(learner, 100, limit=50)
    target = _savings(learner, 10)
    result = call(transfer, source, target, 150, help="transfer withdraws from the source and "
                  "deposits into the target.")
    expect_equal(result, None, what="transfer(source, target, 150) returned",
                 help="transfer changes the accounts and returns nothing.")
    expect_equal((source.balance, target.balance), (-50, 160),
                 what="(source.balance, target.balance) after transferring 150",
                 help="Withdraw from the source, then deposit into the target.")
    try:
        transfer(source, target, 1)
    except insufficient:
        pass
    except NotImplementedError:
        raise
    except Exception as error:
        raise CheckFailure(
            f"transfer(source, target, 1) raised {describe_exception(error)}",
            expected="InsufficientFunds from the source's withdraw",
            actual=describe_exception(error),
            help="Let the withdrawal's error propagate; do not catch it in transfer.",
        ) from None
    else:
        raise CheckFailure(
            "transfer(source, target, 1) from an account at its overdraft limit returned",
            expected="InsufficientFunds", actual="no error",
            help="Call source.withdraw(amount), which refuses; do not change balances yourself.",
        )
    expect_equal((source.balance, target.balance), (-50, 160),
                 what="(source.balance, target.balance) after a refused transfer",
                 help="Withdraw first: when it refuses, the deposit never happens.")
