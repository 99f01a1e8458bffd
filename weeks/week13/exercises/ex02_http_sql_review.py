"""Day 86: the HTTP and SQL questions of a back-end interview, answered in code.

The first half is HTTP: which status code a scenario calls for, which methods are safe and
idempotent, and when a client may send a request again. The second half is SQL: four queries
in string constants, run on the review database of ``weeks/week13/data`` (tables ``users`` and
``orders``; an order's ``status`` is ``'pending'``, ``'paid'`` or ``'refunded'``).
"""

from __future__ import annotations


def status_for(scenario: str) -> int:
    """The status code an API answers in each scenario:

    * ``"created"``: ``POST /tasks`` stored a new task.
    * ``"accepted"``: ``POST /exports`` queued a job that will run later.
    * ``"deleted"``: ``DELETE /tasks/7`` worked and there is nothing to send back.
    * ``"malformed_json"``: the body is not valid JSON at all.
    * ``"invalid_field"``: the JSON is fine but ``priority`` is 9 (FastAPI's validation error).
    * ``"no_token"``: no access token was sent, or it has expired.
    * ``"not_allowed"``: the user is logged in but is not an admin, and the route is admin-only.
    * ``"missing"``: there is no task 7.
    * ``"duplicate_email"``: sign-up with an email that is already registered.
    * ``"stale_version"``: the ``If-Match`` header names a version that is no longer current.
    * ``"rate_limited"``: the client sent too many requests in the last minute.
    * ``"bug"``: an unhandled exception in the handler.
    * ``"database_down"``: the service cannot reach its database for now.

    Any other scenario raises ``KeyError``.
    """
    # TODO: one dict from scenario to status code
    raise NotImplementedError


def _method(method: str, known: frozenset[str]) -> str:
    name = method.upper()
    if name not in known:
        raise ValueError(f"unknown HTTP method: {method!r}")
    return name


METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})


def is_safe(method: str) -> bool:
    """Whether ``method`` (any case) only reads: it changes nothing on the server.

    A method outside ``METHODS`` raises ``ValueError("unknown HTTP method: 'FETCH'")``.
    """
    # TODO: GET, HEAD and OPTIONS are the safe ones
    raise NotImplementedError


def is_idempotent(method: str) -> bool:
    """Whether sending ``method`` (any case) twice leaves the server as sending it once does.

    A method outside ``METHODS`` raises ``ValueError("unknown HTTP method: 'FETCH'")``.
    """
    # TODO: the safe methods plus PUT and DELETE
    raise NotImplementedError


RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})


def may_retry(method: str, status: int | None, *, idempotency_key: bool = False) -> bool:
    """Whether a client may send the same request again after getting ``status``.

    ``status`` is ``None`` when no answer came (a timeout, a dropped connection). A retry makes
    sense only for no answer or one of ``RETRYABLE_STATUSES``; and it is harmless only when the
    method is idempotent or the request carries an ``Idempotency-Key`` the server remembers.
    """
    # TODO: a retryable outcome and (an idempotent method or a key)
    raise NotImplementedError


# 1. Every paid order with its buyer: id, email, total_cents; the newest order first.
PAID_ORDERS = """
-- your query here
"""

# 2. Every user with their number of paid orders and the cents they paid, users who paid
#    nothing included (0 and 0): email, orders, spent_cents. Most spent first, then by email.
SPEND_PER_USER = """
-- your query here
"""

# 3. The users whose paid orders add up to at least :minimum cents (a named parameter):
#    email, spent_cents. Most spent first, then by email.
BIG_SPENDERS = """
-- your query here
"""

# 4. Among the users with at least one paid order, those who paid more than the average of
#    that group: email, spent_cents. Most spent first, then by email. Use a CTE (WITH).
ABOVE_AVERAGE = """
-- your query here
"""
