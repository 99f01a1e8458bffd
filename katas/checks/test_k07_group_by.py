"""Checks for kata k07: group records by a field."""

from collections.abc import Callable, Iterator
from typing import Any

from workbook.checking import Learner, expect_call, expect_equal, expect_raises, expect_true

SIGNATURE = "group_by(records: Iterable[Record], field: str) -> dict[Hashable, list[Record]]"


def _group_by(learner: Learner) -> Callable[..., Any]:
    return learner.function("group_by", signature=SIGNATURE)


def _orders() -> list[dict[str, Any]]:
    return [
        {"id": 1, "status": "paid", "customer": 10},
        {"id": 2, "status": "refunded", "customer": 11},
        {"id": 3, "status": "paid", "customer": 11},
        {"id": 4, "status": "pending", "customer": 10},
        {"id": 5, "status": "paid", "customer": 12},
    ]


def test_groups_by_field(learner: Learner) -> None:
    """maps each value of the field to the list of records that have it"""
    group_by = _group_by(learner)
    orders = _orders()
    expect_call(group_by, orders, "status",
                returns={"paid": [orders[0], orders[2], orders[4]], "refunded": [orders[1]],
                         "pending": [orders[3]]},
                help="Every record goes into the list stored under its own value of the field; "
                     "records with the same value share one list.")
    expect_call(group_by, orders, "customer",
                returns={10: [orders[0], orders[3]], 11: [orders[1], orders[2]],
                         12: [orders[4]]},
                help="The field's values can be any hashable type, integers included; use "
                     "them as they are, without converting them to strings.")


def test_keeps_order(learner: Learner) -> None:
    """lists groups in first-seen order and keeps records in order inside each group"""
    group_by = _group_by(learner)
    orders = _orders()
    expected = {"paid": [orders[0], orders[2], orders[4]], "refunded": [orders[1]],
                "pending": [orders[3]]}
    result = expect_call(group_by, orders, "status", returns=expected,
                         help="Append records as you meet them, so each group keeps the "
                              "order of the input.")
    expect_equal(list(result), ["paid", "refunded", "pending"],
                 what="the keys of group_by(orders, 'status'), in order",
                 help="A dict remembers insertion order, so create each group the first time "
                      "its value appears; do not sort the keys.")


def test_empty_input(learner: Learner) -> None:
    """returns {} when there are no records"""
    group_by = _group_by(learner)
    expect_call(group_by, [], "status", returns={},
                help="No records means no groups: an empty dict.")


def test_missing_field_raises(learner: Learner) -> None:
    """raises ValueError naming the field and the record's position when a record lacks it"""
    group_by = _group_by(learner)
    orders = [{"id": 10, "status": "paid"}, {"id": 11, "status": "paid"}, {"id": 13}]
    error = expect_raises(ValueError, group_by, orders, "status", match="status",
                          help="Check for the field before reading it: a bare "
                               "record['status'] raises KeyError and does not say which "
                               "record was wrong.")
    expect_true("2" in str(error), what=f"the message {str(error)!r}",
                expected="a message that gives the record's position, 2",
                actual="no position in it",
                help="enumerate(records) gives each record's position (counting from 0); put "
                     "it in the message so the caller can find the bad record.")


def test_plain_dict_and_no_mutation(learner: Learner) -> None:
    """returns a plain dict, reads a generator once and leaves the records untouched"""
    group_by = _group_by(learner)
    orders = _orders()

    def stream() -> Iterator[dict[str, Any]]:
        yield from orders

    result = expect_call(group_by, stream(), "status",
                         returns={"paid": [orders[0], orders[2], orders[4]],
                                  "refunded": [orders[1]], "pending": [orders[3]]},
                         help="A generator is consumed as you read it: loop over records "
                              "just once, and do not call len() on it.")
    expect_true(type(result) is dict, what="the type of the value group_by returned",
                expected="dict", actual=type(result).__name__,
                help="A defaultdict quietly creates an empty group whenever a caller looks up "
                     "a value that is not there; return dict(groups) instead.")
    expect_equal(orders, _orders(), what="the records after group_by(records, 'status')",
                 help="Group the records as they are: do not add, remove or change their keys.")
