"""In-process domain events: a domain announces what happened, others react.

Handlers run synchronously in the publisher's session, so their writes commit or roll back
with the request. This is how ``users`` tells ``auth`` that a login must end without
importing it: the dependency points one way only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

EventT = TypeVar("EventT")
Handler = Callable[[Session, Any], None]


class EventBus:
    """Map event types to the handlers subscribed to them."""

    def __init__(self) -> None:
        self._handlers: dict[type, list[Handler]] = defaultdict(list)

    def subscribe(
        self, event_type: type[EventT], handler: Callable[[Session, EventT], None]
    ) -> None:
        self._handlers[event_type].append(handler)

    def publish(self, session: Session, event: object) -> None:
        for handler in self._handlers[type(event)]:
            handler(session, event)
