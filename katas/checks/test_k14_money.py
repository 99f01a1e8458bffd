"""Checks for kata k14: money with a currency."""

import operator
from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises


def _money(learner: Learner) -> type[Any]:
    return learner.cls("Money", signature="Money(cents: int, currency: str)")


def _make(money: type[Any], cents: int, currency: str) -> Any:
    return call(money, cents, currency,
                help="Money(cents, currency) must accept an int and a three-letter code such "
                     "as 'EUR'.")


def _cents(parts: Any) -> Any:
    return [(part.cents, part.currency) for part in parts] if isinstance(parts, list) else parts


def test_adds_same_currency(learner: Learner) -> None:
    """adds two amounts of the same currency"""
    money = _money(learner)
    total = call(operator.add, _make(money, 1000, "EUR"), _make(money, 5, "EUR"),
                 help="Money(1000, 'EUR') + Money(5, 'EUR') must work.")
    expect_equal(total, _make(money, 1005, "EUR"), what="Money(1000, 'EUR') + Money(5, 'EUR')",
                 help="Add the cents and keep the currency: the result is a new Money.")
    refund = call(operator.add, _make(money, 1000, "EUR"), _make(money, -1500, "EUR"),
                  help="Amounts may be negative (a refund).")
    expect_equal(refund, _make(money, -500, "EUR"), what="Money(1000, 'EUR') + Money(-1500, 'EUR')",
                 help="A negative amount is allowed and simply adds.")


def test_refuses_mixed_currencies(learner: Learner) -> None:
    """refuses to add two currencies, naming both"""
    money = _money(learner)
    expect_raises(ValueError, operator.add, _make(money, 100, "EUR"), _make(money, 100, "USD"),
                  help="Adding euros to dollars needs an exchange rate the type does not have: "
                       "raise ValueError.")
    for code in ("EUR", "USD"):
        expect_raises(ValueError, operator.add, _make(money, 100, "EUR"),
                      _make(money, 100, "USD"), match=code,
                      help="Name both currencies in the message, e.g. 'cannot add USD to EUR'.")


def test_refuses_non_money(learner: Learner) -> None:
    """returns NotImplemented for something that is not Money, so + raises TypeError"""
    money = _money(learner)
    for other in (5, 0.05, "5"):
        expect_raises(TypeError, operator.add, _make(money, 100, "EUR"), other,
                      help="Money + a plain number is ambiguous (cents? euros?): return "
                           "NotImplemented and Python raises TypeError for you.")


def test_validates_cents(learner: Learner) -> None:
    """refuses cents that are a float or a bool"""
    money = _money(learner)
    for cents in (10.5, 10.0, True):
        expect_raises(TypeError, money, cents, "EUR", match=type(cents).__name__,
                      help="Only an int is an exact number of cents; bool is a subclass of int, "
                           "so refuse it explicitly in __post_init__, and name the type you got "
                           "(type(cents).__name__).")
    expect_equal(_make(money, 0, "EUR").cents, 0, what="Money(0, 'EUR').cents",
                 help="Zero cents is a valid amount.")


def test_validates_currency(learner: Learner) -> None:
    """refuses a currency that is not three capital letters, quoting it"""
    money = _money(learner)
    for code in ("eur", "EU", "EURO", "E1R", "ÉUR", ""):
        expect_raises(ValueError, money, 100, code, match=repr(code),
                      help="A currency is three ASCII capital letters; raise ValueError and "
                           "quote the code you got ({currency!r}).")
    for code in ("AAA", "ZZZ"):
        expect_equal(_make(money, 1, code).currency, code, what=f"Money(1, {code!r}).currency",
                     help="'A' to 'Z' are all allowed, the first and the last letter included.")


def test_formats(learner: Learner) -> None:
    """formats amounts with two decimals, a sign and the currency"""
    money = _money(learner)
    for cents, text in ((1205, "12.05 EUR"), (100, "1.00 EUR"), (7, "0.07 EUR"),
                        (0, "0.00 EUR"), (-1, "-0.01 EUR"), (-5, "-0.05 EUR"),
                        (-1250, "-12.50 EUR"), (123456789, "1234567.89 EUR")):
        expect_call(str, _make(money, cents, "EUR"), returns=text,
                    help="Units are cents // 100 and the rest is cents % 100 with two digits; "
                         "work on abs(cents) and put the sign in front, or -5 comes out wrong.")


def test_allocates_evenly(learner: Learner) -> None:
    """allocates an amount without losing a cent"""
    money = _money(learner)
    for cents, ratios, expected in ((1000, [1, 1, 1], [334, 333, 333]),
                                    (1000, [1, 1], [500, 500]),
                                    (5, [1, 1, 1], [2, 2, 1]),
                                    (2, [1, 1, 1], [1, 1, 0]),
                                    (100, [1], [100]),
                                    (0, [1, 2], [0, 0])):
        parts = call(_make(money, cents, "EUR").allocate, ratios,
                     help="allocate returns a list of Money, one per ratio.")
        expect_equal(_cents(parts), [(c, "EUR") for c in expected],
                     what=f"Money({cents}, 'EUR').allocate({ratios}) as (cents, currency)",
                     help="Give each part its rounded-down share, then hand the cents left "
                          "over to the first parts, one each: the parts must add up to the "
                          "amount.")


def test_allocates_by_ratio(learner: Learner) -> None:
    """allocates in proportion and gives nothing to a zero ratio"""
    money = _money(learner)
    for cents, ratios, expected in ((1000, [70, 30], [700, 300]),
                                    (1001, [70, 30], [701, 300]),
                                    (101, [0, 1, 1], [0, 51, 50]),
                                    (100, [3, 0], [100, 0])):
        parts = call(_make(money, cents, "USD").allocate, ratios,
                     help="allocate returns a list of Money, one per ratio.")
        expect_equal(_cents(parts), [(c, "USD") for c in expected],
                     what=f"Money({cents}, 'USD').allocate({ratios}) as (cents, currency)",
                     help="A share is cents * ratio // sum(ratios); leftover cents go to the "
                          "first parts whose ratio is not 0, and every part keeps the currency.")


def test_allocate_refuses_bad_ratios(learner: Learner) -> None:
    """refuses negative ratios and ratios that add up to zero"""
    money = _money(learner)
    for ratios in ([], [0, 0], [2, -1], [-1, -1]):
        expect_raises(ValueError, _make(money, 1000, "EUR").allocate, ratios, match=str(ratios),
                      help="Ratios must be 0 or more and add up to more than 0; check them "
                           "before dividing, and show them in the message.")
