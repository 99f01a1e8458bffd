"""Checks for week01/ex08_signup_validation: ordered, precise problems instead of a bare bool."""

from __future__ import annotations

from workbook.checking import Learner, expect_call

EMAIL_REQUIRED = "email is required"
EMAIL_SPACES = "email must not contain spaces"
EMAIL_ONE_AT = "email must contain exactly one @"
EMAIL_NO_NAME = "email needs a name before the @"
EMAIL_BAD_DOMAIN = "email domain must look like example.com"
PASSWORD_REQUIRED = "password is required"
TOO_SHORT = "password must be at least 12 characters"
NO_LOWER = "password must contain a lowercase letter"
NO_UPPER = "password must contain an uppercase letter"
NO_DIGIT = "password must contain a digit"
HAS_EMAIL_NAME = "password must not contain the name of your email"
TOO_COMMON = "password is too common"

STRONG = "Correct-Horse-7-Battery"


def test_email_valid(learner: Learner) -> None:
    """accepts well-formed emails, ignoring spaces around them"""
    validate_email = learner.function("validate_email",
                                      signature="validate_email(email: str) -> list[str]")
    for email in ("ana@example.com", "ana.silva+orders@mail.example.co.uk", "  bo@shop.io\n"):
        expect_call(validate_email, email, returns=[],
                    help="A valid address has no problems: return an empty list. Strip spaces "
                    "around the address before checking it.")


def test_email_blank(learner: Learner) -> None:
    """reports a blank email once, and nothing else"""
    validate_email = learner.function("validate_email")
    for email in ("", "   ", "\t\n"):
        expect_call(validate_email, email, returns=[EMAIL_REQUIRED],
                    help="When nothing is left after stripping, the other rules are noise: "
                    "return [EMAIL_REQUIRED] straight away.")


def test_email_structure(learner: Learner) -> None:
    """reports '@', name and domain problems in rule order"""
    validate_email = learner.function("validate_email")
    cases = [
        ("ana.example.com", [EMAIL_ONE_AT], "Count the '@' characters: there must be exactly one."),
        ("ana@@example.com", [EMAIL_ONE_AT], "Two '@' in a row is still not exactly one."),
        ("ana silva@example.com", [EMAIL_SPACES], "Any whitespace inside the address is a "
         "problem (char.isspace())."),
        ("ana silva.example.com", [EMAIL_SPACES, EMAIL_ONE_AT], "List every problem, in the "
         "order of the rules: spaces come before the '@' rule."),
        ("@example.com", [EMAIL_NO_NAME], "Split at the '@': the part before it must not be "
         "empty."),
        ("ana@localhost", [EMAIL_BAD_DOMAIN], "The domain needs a dot."),
        ("ana@.example.com", [EMAIL_BAD_DOMAIN], "A domain cannot start with a dot."),
        ("ana@example.", [EMAIL_BAD_DOMAIN], "A domain cannot end with a dot."),
        ("ana@example..com", [EMAIL_BAD_DOMAIN], "Two dots in a row leave an empty label."),
        ("ana@", [EMAIL_BAD_DOMAIN], "An empty domain has no dot, so it breaks the domain "
         "rule."),
        ("@localhost", [EMAIL_NO_NAME, EMAIL_BAD_DOMAIN], "Check the name and the domain "
         "separately, and report both when both are wrong."),
    ]
    for email, problems, help_text in cases:
        expect_call(validate_email, email, returns=problems, help=help_text)


def test_password_strong(learner: Learner) -> None:
    """accepts a strong password"""
    validate_password = learner.function(
        "validate_password", signature="validate_password(password: str, *, email: str = '')"
    )
    expect_call(validate_password, STRONG, returns=[],
                help="This password breaks no rule, so the list of problems is empty.")
    expect_call(validate_password, " two words And 42 ", email="ana@example.com", returns=[],
                help="Spaces are legal in a password and count towards its length: do not "
                "strip it.")
    expect_call(validate_password, "Ünïcode-pässwörd-9", returns=[],
                help="str.islower() and str.isupper() understand accented letters too.")


def test_password_single_rule(learner: Learner) -> None:
    """rejects a password that breaks one rule, naming that rule"""
    validate_password = learner.function("validate_password")
    cases = [
        ("Sh0rt-pass", [TOO_SHORT], "Count the characters with len(); 10 is fewer than 12."),
        ("ALL-UPPER-CASE-7", [NO_LOWER], "Look for at least one character where "
         "char.islower() is true."),
        ("all-lower-case-7", [NO_UPPER], "Look for at least one character where "
         "char.isupper() is true."),
        ("No-Digits-At-All", [NO_DIGIT], "any(char.isdigit() for char in password) tells you "
         "whether there is a digit."),
    ]
    for password, problems, help_text in cases:
        expect_call(validate_password, password, returns=problems, help=help_text)


def test_password_rule_order(learner: Learner) -> None:
    """lists every password problem, in rule order"""
    validate_password = learner.function("validate_password")
    expect_call(validate_password, "", returns=[PASSWORD_REQUIRED],
                help="An empty password gets one message only: return it straight away.")
    expect_call(validate_password, "abc", returns=[TOO_SHORT, NO_UPPER, NO_DIGIT],
                help="Do not stop at the first broken rule: append one message per rule, in "
                "the order of the docstring.")
    expect_call(validate_password, "12345", returns=[TOO_SHORT, NO_LOWER, NO_UPPER],
                help="Check every rule, in the documented order: length, lowercase, uppercase, "
                "digit.")
    expect_call(validate_password, "      ", returns=[TOO_SHORT, NO_LOWER, NO_UPPER, NO_DIGIT],
                help="Only an empty password is 'required'; spaces are characters, so this one "
                "breaks the other rules instead.")


def test_password_email_name_and_common(learner: Learner) -> None:
    """rejects a password built from the email name or a common password"""
    validate_password = learner.function("validate_password")
    expect_call(validate_password, "Marta-Rocks-2024", email="marta@example.com",
                returns=[HAS_EMAIL_NAME],
                help="Take the part of the email before '@' and look for it in the password, "
                "both lower-cased.")
    expect_call(validate_password, "the-MARTA-show-77", email="Marta.Rocha@example.com",
                returns=[],
                help="The whole name before '@' is 'marta.rocha', which this password does not "
                "contain: compare the full name, not a part of it.")
    expect_call(validate_password, "I-am-MARTA-2024", email="  Marta@Example.com",
                returns=[HAS_EMAIL_NAME],
                help="Compare ignoring case: lower-case both the name and the password.")
    expect_call(validate_password, "Marta-Rocks-2024", returns=[],
                help="Without an email there is no name to look for.")
    expect_call(validate_password, "Bo-is-great-2024", email="bo@example.com", returns=[],
                help="Names shorter than MIN_NAME_LENGTH_TO_CHECK (3) are too likely to match "
                "by chance: skip the rule for them.")
    expect_call(validate_password, "Ann-is-great-2024", email="ann@example.com",
                returns=[HAS_EMAIL_NAME],
                help="A name of exactly MIN_NAME_LENGTH_TO_CHECK (3) characters is long enough "
                "to check: the rule applies from 3 characters up (>=, not >).")
    expect_call(validate_password, "Password1234", returns=[TOO_COMMON],
                help="Compare the lower-cased password with COMMON_PASSWORDS.")
    expect_call(validate_password, "password1234", email="pass@example.com",
                returns=[NO_UPPER, HAS_EMAIL_NAME, TOO_COMMON],
                help="The name rule comes before the common-password rule.")


def test_validate_signup(learner: Learner) -> None:
    """collects problems per field and leaves valid fields out"""
    validate_signup = learner.function("validate_signup")
    expect_call(validate_signup, {"email": "ana@example.com", "password": STRONG}, returns={},
                help="A valid form has no problems: return an empty dict.")
    expect_call(validate_signup, {"email": "ana@example", "password": STRONG},
                returns={"email": [EMAIL_BAD_DOMAIN]},
                help="Only fields with problems appear in the result.")
    expect_call(validate_signup, {}, returns={"email": [EMAIL_REQUIRED],
                                              "password": [PASSWORD_REQUIRED]},
                help="A missing key counts as an empty value: form.get(key, '').")
    expect_call(validate_signup, {"email": "rita@example.com", "password": "Rita-secret-99"},
                returns={"password": [HAS_EMAIL_NAME]},
                help="Pass the email to validate_password so the name rule can run.")
