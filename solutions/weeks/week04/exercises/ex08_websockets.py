"""Push "task completed" events to every connected client over a WebSocket.

A client opens ``/ws/tasks`` and keeps the connection open. Whenever a task is completed
through ``POST /tasks/{task_id}/complete``, every open connection receives::

    {"type": "task.completed", "task_id": 2, "title": "Deploy to staging"}

A client may send the text ``ping`` at any time and gets ``{"type": "pong"}`` back, which is
how it checks the connection is alive. A client that goes away is forgotten, so the next
event is not sent to a closed socket.
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, WebSocket, WebSocketDisconnect, status
from pydantic import BaseModel

app = FastAPI(title="Tasks API", version="0.8.0")


class Task(BaseModel):
    id: int
    title: str
    done: bool = False


TASKS: dict[int, Task] = {
    1: Task(id=1, title="Write the README"),
    2: Task(id=2, title="Deploy to staging"),
    3: Task(id=3, title="Tag the release"),
}


class ConnectionManager:
    """The open WebSocket connections, and a way to send one message to all of them."""

    def __init__(self) -> None:
        self.connections: list[WebSocket] = []

    async def connect(self, websocket: WebSocket) -> None:
        """Accept the connection and remember it."""
        # BEGIN SOLUTION: accept, then add to the list
        await websocket.accept()
        self.connections.append(websocket)
        # END SOLUTION

    def disconnect(self, websocket: WebSocket) -> None:
        """Forget a connection that has closed."""
        # BEGIN SOLUTION: remove it from the list
        self.connections.remove(websocket)
        # END SOLUTION

    async def broadcast(self, message: dict[str, object]) -> None:
        """Send ``message`` as JSON to every open connection."""
        # BEGIN SOLUTION: send_json to each connection
        for websocket in list(self.connections):
            await websocket.send_json(message)
        # END SOLUTION


manager = ConnectionManager()


@app.websocket("/ws/tasks")
async def task_events(websocket: WebSocket) -> None:
    """Keep the connection open, answer ``ping`` with a pong, forget the client when it leaves."""
    # BEGIN SOLUTION: connect, then receive texts in a loop until WebSocketDisconnect
    await manager.connect(websocket)
    try:
        while True:
            text = await websocket.receive_text()
            if text == "ping":
                await websocket.send_json({"type": "pong"})
    except WebSocketDisconnect:
        manager.disconnect(websocket)
    # END SOLUTION


@app.post("/tasks/{task_id}/complete")
async def complete_task(task_id: int) -> Task:
    """Mark the task done and tell every connected client (404, and no event, when missing)."""
    task = TASKS.get(task_id)
    if task is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Task {task_id} not found")
    task.done = True
    # BEGIN SOLUTION: broadcast the task.completed event
    await manager.broadcast({"type": "task.completed", "task_id": task.id, "title": task.title})
    # END SOLUTION
    return task
