"""Checks for week02/ex01_bank_account: a class that protects its balance."""

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


def _open(learner: Learner, *args: Any, **kwargs: Any) -> Any:
    account_class = learner.cls("BankAccount")
    return call(account_class, *args, help="Store the number, the stripped owner and the opening "
                "balance in __init__.", **kwargs)


def test_opens_an_account(learner: Learner) -> None:
    """opens an account with a number, an owner and a balance"""
    account = _open(learner, "ACC-001", "  Ana Lima ", balance=1500)
    expect_equal(getattr(account, "number", None), "ACC-001", what="BankAccount('ACC-001', "
                 "'  Ana Lima ', balance=1500).number", help="Store the number as self.number.")
    expect_equal(getattr(account, "owner", None), "Ana Lima", what="BankAccount('ACC-001', "
                 "'  Ana Lima ', balance=1500).owner",
                 help="Strip the spaces around the owner's name before you store it.")
    expect_equal(account.balance, 1500, what="BankAccount('ACC-001', 'Ana Lima', "
                 "balance=1500).balance", help="The balance property returns the stored balance.")
    empty = _open(learner, "ACC-002", "Bo")
    expect_equal(empty.balance, 0, what="BankAccount('ACC-002', 'Bo').balance",
                 help="Without a balance argument an account opens with 0 (the default).")
    zero = _open(learner, "ACC-003", "Cy", balance=0)
    expect_equal(zero.balance, 0, what="BankAccount('ACC-003', 'Cy', balance=0).balance",
                 help="An opening balance of exactly 0 is allowed; only a negative one is not.")


def test_refuses_bad_openings(learner: Learner) -> None:
    """refuses an empty owner and a negative opening balance"""
    account_class = learner.cls("BankAccount")
    for owner in ("", "   "):
        expect_raises(ValueError, account_class, "ACC-001", owner,
                      match="an account needs an owner",
                      help="An owner that is empty once stripped is not a name: raise "
                      "ValueError('an account needs an owner').")
    expect_raises(ValueError, account_class, "ACC-001", "Ana", balance=-1, match="-1",
                  help="An account cannot open in debt: raise ValueError and name the balance "
                  "you received.")


def test_balance_is_read_only(learner: Learner) -> None:
    """lets code read the balance but not assign it"""
    account = _open(learner, "ACC-001", "Ana", balance=500)
    expect_equal(account.balance, 500, what="BankAccount('ACC-001', 'Ana', balance=500).balance",
                 help="Return the stored balance from the property.")
    try:
        account.balance = 1_000_000
    except AttributeError:
        pass
    else:
        raise CheckFailure(
            "account.balance = 1000000 was accepted",
            expected="AttributeError: the property has no setter",
            actual=f"the assignment worked; balance is now {account.balance}",
            help="Make balance a @property over a private attribute (self._balance) and give it "
            "no setter, so only deposit and withdraw can change it.",
        )
    expect_equal(account.balance, 500, what="the balance after a refused assignment",
                 help="The balance must still be the one deposit and withdraw left.")


def test_deposit(learner: Learner) -> None:
    """deposits add to the balance and return it"""
    account = _open(learner, "ACC-001", "Ana", balance=1000)
    expect_call(account.deposit, 250, returns=1250,
                help="Add the amount to the balance and return the new balance.")
    expect_call(account.deposit, 1, returns=1251,
                help="The smallest deposit, 1 cent, is allowed.")
    expect_equal(account.balance, 1251, what="the balance after deposit(250) and deposit(1)",
                 help="deposit must change the stored balance, not only return a number.")


def test_deposit_refuses_non_positive(learner: Learner) -> None:
    """refuses a deposit of 0 or less, naming the amount, and changes nothing"""
    account = _open(learner, "ACC-001", "Ana", balance=1000)
    for amount in (0, -5):
        expect_raises(ValueError, account.deposit, amount,
                      match=f"deposit amount must be positive, got {amount}",
                      help="Check the amount before changing anything and use the message the "
                      "docstring gives, with the amount you received.")
    expect_equal(account.balance, 1000, what="the balance after two refused deposits",
                 help="A refused deposit must leave the balance as it was.")


def test_withdraw(learner: Learner) -> None:
    """withdrawals take money out, down to exactly zero"""
    account = _open(learner, "ACC-001", "Ana", balance=1000)
    expect_call(account.withdraw, 1, returns=999,
                help="Subtract the amount and return the new balance.")
    expect_call(account.withdraw, 999, returns=0,
                help="Withdrawing the whole balance is allowed: only more than the balance is "
                "an overdraft (compare with >, not >=).")
    expect_equal(account.balance, 0, what="the balance after withdrawing everything",
                 help="withdraw must change the stored balance.")


def test_withdraw_refuses_non_positive(learner: Learner) -> None:
    """refuses a withdrawal of 0 or less, naming the amount"""
    account = _open(learner, "ACC-001", "Ana", balance=1000)
    for amount in (0, -20):
        expect_raises(ValueError, account.withdraw, amount,
                      match=f"withdrawal amount must be positive, got {amount}",
                      help="A negative withdrawal would be a deposit in disguise: refuse it "
                      "with the message the docstring gives.")
    expect_equal(account.balance, 1000, what="the balance after two refused withdrawals",
                 help="A refused withdrawal changes nothing.")


def test_refuses_an_overdraft(learner: Learner) -> None:
    """refuses an overdraft with InsufficientFunds naming both amounts, and changes nothing"""
    insufficient = learner.cls("InsufficientFunds")
    account = _open(learner, "ACC-001", "Ana", balance=1000)
    error = expect_raises(insufficient, account.withdraw, 1001,
                          help="When the amount is larger than the balance, raise "
                          "InsufficientFunds(balance, amount) before touching the balance.")
    values = (getattr(error, "balance", None), getattr(error, "amount", None))
    expect_equal(values, (1000, 1001), what="withdraw(1001) on 1000 raised InsufficientFunds "
                 "with (balance, amount)", help="Store both numbers on the exception so callers "
                 "can use them without parsing the message.")
    expect_equal(str(error), "cannot withdraw 1001 cents: the balance is only 1000 cents",
                 what="str() of the InsufficientFunds raised by withdraw(1001) on 1000",
                 help="Pass the sentence from the docstring, with both numbers, to "
                 "super().__init__; that is what a user or a log reads.")
    expect_equal(account.balance, 1000, what="the balance after a refused overdraft",
                 help="Check first, change after: a refused withdrawal leaves the balance alone.")
    expect_true(isinstance(error, Exception) and not isinstance(error, ValueError | TypeError),
                what="InsufficientFunds", expected="an Exception of its own",
                actual=describe_exception(error),
                help="Derive InsufficientFunds from Exception: it is a business rule, not a bad "
                "argument.")


def test_repr(learner: Learner) -> None:
    """has a repr that reads like the call that built it"""
    account = _open(learner, "ACC-001", "Ana", balance=1500)
    expect_equal(repr(account), "BankAccount(number='ACC-001', owner='Ana', balance=1500)",
                 what="repr(BankAccount('ACC-001', 'Ana', balance=1500))",
                 help="Return f\"{type(self).__name__}(number={self.number!r}, ...)\": !r puts "
                 "quotes around the strings.")
    call(account.deposit, 5, help="deposit(5) should work on an account with 1500.")
    expect_equal(repr(account), "BankAccount(number='ACC-001', owner='Ana', balance=1505)",
                 what="repr after deposit(5)", help="Build the repr from the current balance "
                 "each time it is called.")


def test_equality_by_number(learner: Learner) -> None:
    """treats two objects with the same number as the same account"""
    first = _open(learner, "ACC-001", "Ana", balance=100)
    same = _open(learner, "ACC-001", "Ana Lima", balance=900)
    other = _open(learner, "ACC-002", "Ana", balance=100)
    expect_true(first == same, what="BankAccount('ACC-001', ...) == BankAccount('ACC-001', ...)",
                expected="True (same number)", actual="False",
                help="An account is identified by its number; owner and balance may differ "
                "between two snapshots of it.")
    expect_true(first != other, what="accounts ACC-001 and ACC-002 with the same owner and "
                "balance", expected="not equal", actual="equal",
                help="Compare the numbers only: two customers can have the same balance.")
    expect_true(first != "ACC-001", what="BankAccount('ACC-001', ...) == 'ACC-001'",
                expected="False (a string is not an account)", actual="True",
                help="For anything that is not a BankAccount, return NotImplemented.")
    expect_equal(first.__eq__("ACC-001"), NotImplemented, what="account.__eq__('ACC-001')",
                 help="Return NotImplemented (do not raise, do not return False) so Python can "
                 "ask the other object.")
    expect_equal(len({first, same, other}), 2, what="len({ACC-001, ACC-001 again, ACC-002})",
                 help="Defining __eq__ removes the default hash; define __hash__ from the "
                 "number so equal accounts land in the same set slot.")
