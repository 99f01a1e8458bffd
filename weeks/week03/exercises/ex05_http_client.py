"""A small HTTP client for a partner's tasks API: explicit timeouts and careful retries.

Networks fail in two ways a client must survive: the other side does not answer (a timeout)
or answers "not now" (429 Too Many Requests, or a 5xx). ``send_with_retries`` tries again in
those cases, waiting longer each time, but only for idempotent methods: retrying a POST whose
answer was lost could create the task twice.

``sleep`` is a parameter so tests can record the delays instead of waiting for them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

USER_AGENT = "taskhub-client/1.0 (+https://taskhub.example/contact)"
#: Methods whose repetition is harmless (RFC 9110, section 9.2.2).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})


def make_client(
    base_url: str,
    *,
    timeout: float = 5.0,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """An ``httpx.Client`` for the partner API.

    Every request goes to ``base_url`` (paths are relative to it), has a ``timeout``-second
    limit for each phase (connect, read, write, pool) and sends the headers
    ``User-Agent: USER_AGENT`` and ``Accept: application/json``. Redirects are not followed.
    ``transport`` replaces the network (tests pass an ``httpx.MockTransport``).
    """
    # TODO: build the client with base_url, an httpx.Timeout and the two headers
    raise NotImplementedError


def is_retryable(status_code: int) -> bool:
    """Whether an answer with this status is worth another attempt: 429 and every 5xx."""
    # TODO: 429, or 500 to 599
    raise NotImplementedError


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """How long a ``Retry-After`` header asks to wait, or ``None`` without a usable one.

    The header is either a number of seconds (``"120"``, digits only) or an HTTP date
    (``"Wed, 21 Oct 2026 07:28:00 GMT"``), which counts from ``now`` (default: the current
    UTC time); a date in the past means 0. Anything else (missing, ``"soon"``, ``"-5"``) is
    ``None``, and the caller falls back to its own back-off.
    """
    # TODO: try whole seconds first, then an HTTP date
    raise NotImplementedError


def send_with_retries(
    client: httpx.Client,
    method: str,
    url: str,
    *,
    max_attempts: int = 3,
    base_delay: float = 0.5,
    max_delay: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
    **kwargs: Any,
) -> httpx.Response:
    """Send ``method url`` with ``client`` (``kwargs`` go to ``client.request``), retrying.

    * Only methods in ``IDEMPOTENT_METHODS`` are retried; any other method is sent once and
      its answer (or error) is returned (or raised) as it is.
    * An attempt is retried when its answer ``is_retryable`` or when it raises an
      ``httpx.TransportError`` (a timeout, a refused connection), at most ``max_attempts``
      attempts in all. Any other answer is returned at once, success or not.
    * Before retry number n (n = 1, 2, ...), wait ``base_delay * 2 ** (n - 1)`` seconds,
      capped at ``max_delay``, with ``sleep``. When the answer has a usable ``Retry-After``
      header, wait exactly that long instead; if it asks for more than ``max_delay``, do not
      wait at all: return that answer.
    * When the attempts run out, return the last answer, or raise the last error.

    ``ValueError`` if ``max_attempts`` is below 1.
    """
    # TODO: loop over the attempts, deciding after each one whether to go again
    raise NotImplementedError
