"""The checker vocabulary: messages name the call, the values and the types."""

from __future__ import annotations

import pytest

from workbook.checking import (
    CheckFailure,
    call,
    expect_call,
    expect_equal,
    expect_raises,
    same_value,
    show,
)


def test_show_keeps_the_order_of_a_dict() -> None:
    assert show({"b": 1, "a": 2}) == "{'b': 1, 'a': 2}"


def test_show_cuts_long_values() -> None:
    assert show("x" * 200).endswith("...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'")
    assert show(list(range(20))) == "[0, 1, 2, 3, 4, 5, 6, 7, ...]"


@pytest.mark.parametrize(
    ("actual", "expected", "same"),
    [
        (1, 1, True),
        (1, 1.0, False),
        (True, 1, False),
        ({"ms": 3}, {"ms": 3.0}, False),
        ([1, [2, "x"]], [1, [2, "x"]], True),
        ((1, 2), [1, 2], False),
    ],
)
def test_same_value_compares_types_all_the_way_down(
    actual: object, expected: object, same: bool
) -> None:
    assert same_value(actual, expected) is same


def test_a_nested_int_is_not_a_float() -> None:
    with pytest.raises(CheckFailure) as caught:
        expect_equal({"ms": 3}, {"ms": 3.0}, what="parsed the line", help="h")
    assert caught.value.message == "parsed the line, got {'ms': 3}, expected {'ms': 3.0}"


def test_equal_text_of_different_types_is_explained() -> None:
    class Label(str):
        __slots__ = ()

    with pytest.raises(CheckFailure) as caught:
        expect_equal(["ok"], [Label("ok")], what="listed the labels", help="h")
    assert caught.value.message == (
        "listed the labels, got ['ok'] (list of str), expected ['ok'] (list of Label)"
    )


def test_expect_call_reports_the_call_and_both_values() -> None:
    def double(value: int) -> int:
        return value + 2

    with pytest.raises(CheckFailure) as caught:
        expect_call(double, 5, returns=10, help="Multiply, do not add.")
    failure = caught.value
    assert failure.message.endswith("double(5), got 7, expected 10")
    assert (failure.expected, failure.actual, failure.help) == ("10", "7", "Multiply, do not add.")


def test_expect_raises_wants_the_right_error_and_message() -> None:
    def parse(text: str) -> int:
        return int(text)

    error = expect_raises(ValueError, parse, "x", match="invalid literal", help="h")
    assert isinstance(error, ValueError)
    with pytest.raises(CheckFailure, match=r"returned 5 instead of raising ValueError"):
        expect_raises(ValueError, parse, "5", help="h")
    with pytest.raises(CheckFailure, match=r"expected the message to mention 'number'"):
        expect_raises(ValueError, parse, "x", match="number", help="h")


def test_call_passes_a_stub_through_and_explains_other_errors() -> None:
    def stub() -> None:
        raise NotImplementedError

    def broken() -> None:
        raise KeyError("id")

    with pytest.raises(NotImplementedError):
        call(stub, help="h")
    with pytest.raises(CheckFailure, match=r"it raised KeyError\(\"'id'\"\), expected a result"):
        call(broken, help="h")


def test_a_type_mismatch_names_both_types() -> None:
    with pytest.raises(CheckFailure) as caught:
        expect_equal(["Hello", "Ada"], "Hello, Ada!", what="called greet('Ada')", help="h")
    assert caught.value.message == (
        "called greet('Ada'), got a list ['Hello', 'Ada'], expected a str 'Hello, Ada!'"
    )
    with pytest.raises(CheckFailure) as caught:
        expect_equal(None, 3, what="called f()", help="h")
    assert caught.value.message == "called f(), got None, expected 3"


def test_long_values_are_shown_from_just_before_they_differ() -> None:
    expected = [f"line {number}" for number in range(40)]
    actual = [*expected[:30], "LINE 30", *expected[31:]]
    with pytest.raises(CheckFailure) as caught:
        expect_equal(actual, expected, what="called f()", help="h")
    got, want = caught.value.actual or "", caught.value.expected or ""
    assert got.startswith("…") and want.startswith("…")
    assert "'LINE 30'" in got and "'line 30'" in want
    assert "'line 0'" not in got, "the common start is left out"
    short = ["a", "b"]
    with pytest.raises(CheckFailure) as caught:
        expect_equal(short, ["a", "c"], what="called f()", help="h")
    assert (caught.value.actual, caught.value.expected) == ("['a', 'b']", "['a', 'c']")


def test_a_test_file_that_is_still_all_stubs_is_seen_without_running_it() -> None:
    from workbook.checking_tests import stub_tests

    stubs = (
        'def test_a():\n    """a"""\n    raise NotImplementedError\n\n\n'
        "async def test_b():\n    raise NotImplementedError()\n"
    )
    assert stub_tests(stubs) == ["test_a", "test_b"]
    written = stubs + "\n\ndef test_c():\n    assert 1 + 1 == 2\n"
    assert stub_tests(written) == []
    assert stub_tests("def helper():\n    raise NotImplementedError\n") == []
    assert stub_tests("def test_(:\n") == []
