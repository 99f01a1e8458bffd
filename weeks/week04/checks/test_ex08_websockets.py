"""Checks for week04/ex08_websockets: "task completed" events pushed to connected clients."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from workbook.checking import Learner, expect_true
from workbook.checking_app import Api, expect_ws_json, open_api

PONG = {"type": "pong"}


def completed(task_id: int, title: str) -> dict[str, object]:
    return {"type": "task.completed", "task_id": task_id, "title": title}


@contextmanager
def fresh_api(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    """The app with a new ConnectionManager and the tasks restored afterwards."""
    monkeypatch.setattr(learner.module, "manager", learner.cls("ConnectionManager")())
    tasks = learner.attribute("TASKS")
    saved = {key: task.model_copy() for key, task in tasks.items()}
    try:
        with open_api(learner) as api:
            yield api
    finally:
        tasks.clear()
        tasks.update(saved)


def test_ping(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """answers ping with a pong"""
    with fresh_api(learner, monkeypatch) as api, api.client.websocket_connect("/ws/tasks") as ws:
        ws.send_text("ping")
        expect_ws_json(ws, PONG, after="sending 'ping' on /ws/tasks",
                       help="Accept the connection (manager.connect), then loop on "
                       "receive_text() and answer 'ping' with send_json({'type': 'pong'}).")
        ws.send_text("ping")
        expect_ws_json(ws, PONG, after="sending 'ping' a second time",
                       help="Keep receiving in a loop: the connection stays open.")


def test_event_pushed(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """pushes the event to a connected client"""
    with fresh_api(learner, monkeypatch) as api, api.client.websocket_connect("/ws/tasks") as ws:
        api.post("/tasks/2/complete", expect=200, help="Completing a task answers the task."
                 ).expect_json({"id": 2, "title": "Deploy to staging", "done": True},
                               help="The route is given: it returns the completed task.")
        expect_ws_json(ws, completed(2, "Deploy to staging"), after="POST /tasks/2/complete",
                       help="After marking the task done, await manager.broadcast({...}) with "
                       "the type, the task id and its title.")


def test_every_client(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """pushes the event to every connected client"""
    with fresh_api(learner, monkeypatch) as api, api.client.websocket_connect(
        "/ws/tasks"
    ) as first, api.client.websocket_connect("/ws/tasks") as second:
        api.post("/tasks/3/complete", expect=200, help="Complete task 3.")
        for name, ws in (("first", first), ("second", second)):
            expect_ws_json(ws, completed(3, "Tag the release"),
                           after=f"POST /tasks/3/complete, on the {name} connection",
                           help="connect appends every accepted socket to manager.connections, "
                           "and broadcast sends to each one of them.")


def test_forgets_closed_clients(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """forgets a client that has left"""
    with fresh_api(learner, monkeypatch) as api, api.client.websocket_connect("/ws/tasks") as ws:
        with api.client.websocket_connect("/ws/tasks") as leaving:
            leaving.send_text("ping")
            expect_ws_json(leaving, PONG, after="sending 'ping'", help="Answer pings.")
        connections = learner.attribute("manager").connections
        expect_true(len(connections) == 1, what="after one of two clients closed",
                    expected="1 connection in manager.connections",
                    actual=f"{len(connections)} connections",
                    help="Catch WebSocketDisconnect around the receive loop and call "
                    "manager.disconnect(websocket).")
        api.post("/tasks/1/complete", expect=200,
                 help="Sending to a closed socket fails: forget clients that have left.")
        expect_ws_json(ws, completed(1, "Write the README"), after="POST /tasks/1/complete",
                       help="The client still connected gets the event.")


def test_no_event_for_missing_task(learner: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    """sends nothing when the task does not exist"""
    with fresh_api(learner, monkeypatch) as api, api.client.websocket_connect("/ws/tasks") as ws:
        api.post("/tasks/9/complete", expect=404, help="A missing task is 404 (given code).")
        ws.send_text("ping")
        expect_ws_json(ws, PONG, after="POST /tasks/9/complete (404), then 'ping'",
                       help="Broadcast only after the task was found and completed: the next "
                       "message must be the pong.")
