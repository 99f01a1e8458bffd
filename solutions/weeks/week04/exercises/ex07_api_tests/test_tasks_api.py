"""Tests for tasks_api.py. Run them with:  pytest weeks/week04/exercises/ex07_api_tests

Each test gets a fresh, empty store through the ``client`` fixture, so tests never depend on
each other or on the order they run in. Write each test so that it would fail if the API broke
the promise in the test's docstring: a test that cannot fail proves nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from .tasks_api import TaskStore, app, get_store


@pytest.fixture
def client() -> Iterator[TestClient]:
    """A client on the API with an empty store of its own."""
    store = TaskStore()
    app.dependency_overrides[get_store] = lambda: store
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


def create(client: TestClient, title: str, *, done: bool = False) -> int:
    """Create a task through the API and return its id."""
    response = client.post("/tasks", json={"title": title, "done": done})
    assert response.status_code == 201, response.text
    task_id: int = response.json()["id"]
    return task_id


def test_create_answers_201_with_location(client: TestClient) -> None:
    """POST /tasks answers 201, the task, and a Location header that leads to it."""
    # BEGIN SOLUTION: create a task, check status, body and Location, then follow the Location
    response = client.post("/tasks", json={"title": "Write tests"})
    assert response.status_code == 201
    assert response.json() == {"id": 1, "title": "Write tests", "done": False}
    assert response.headers["location"] == "/tasks/1"
    assert client.get(response.headers["location"]).json()["title"] == "Write tests"
    # END SOLUTION


def test_create_validates_the_title(client: TestClient) -> None:
    """An empty title or one over 200 characters is 422; exactly 200 is fine."""
    # BEGIN SOLUTION: send the three titles and check each status
    assert client.post("/tasks", json={"title": ""}).status_code == 422
    assert client.post("/tasks", json={"title": "x" * 201}).status_code == 422
    assert client.post("/tasks", json={"title": "x" * 200}).status_code == 201
    # END SOLUTION


def test_missing_task_is_404(client: TestClient) -> None:
    """Reading, changing or deleting a task that does not exist is 404 naming the task."""
    # BEGIN SOLUTION: try GET, PATCH and DELETE on an id that was never created
    assert client.get("/tasks/42").json() == {"detail": "Task 42 not found"}
    assert client.get("/tasks/42").status_code == 404
    assert client.patch("/tasks/42", json={"done": True}).status_code == 404
    assert client.delete("/tasks/42").status_code == 404
    # END SOLUTION


def test_list_pages(client: TestClient) -> None:
    """GET /tasks cuts the list with limit and offset and reports the total."""
    # BEGIN SOLUTION: create more tasks than one page holds, then read two pages
    for number in range(1, 26):
        create(client, f"Task {number}")
    first = client.get("/tasks").json()
    assert [task["id"] for task in first["items"]] == list(range(1, 21))
    assert (first["total"], first["limit"], first["offset"]) == (25, 20, 0)
    second = client.get("/tasks", params={"limit": 10, "offset": 20}).json()
    assert [task["id"] for task in second["items"]] == [21, 22, 23, 24, 25]
    assert (second["total"], second["limit"], second["offset"]) == (25, 10, 20)
    # END SOLUTION


def test_list_limit_bounds(client: TestClient) -> None:
    """limit may be 1 to 100 (both allowed); 0 and 101 are 422, and so is a negative offset."""
    # BEGIN SOLUTION: check both bounds, one past each, and a negative offset
    assert client.get("/tasks", params={"limit": 1}).status_code == 200
    assert client.get("/tasks", params={"limit": 100}).status_code == 200
    assert client.get("/tasks", params={"limit": 0}).status_code == 422
    assert client.get("/tasks", params={"limit": 101}).status_code == 422
    assert client.get("/tasks", params={"offset": -1}).status_code == 422
    # END SOLUTION


def test_list_filters_done(client: TestClient) -> None:
    """done=true and done=false keep only the tasks in that state."""
    # BEGIN SOLUTION: create open and finished tasks, then filter both ways
    create(client, "Open")
    create(client, "Finished", done=True)
    done = client.get("/tasks", params={"done": True}).json()
    assert [task["title"] for task in done["items"]] == ["Finished"]
    assert done["total"] == 1
    still_open = client.get("/tasks", params={"done": False}).json()
    assert [task["title"] for task in still_open["items"]] == ["Open"]
    # END SOLUTION


def test_patch_changes_only_what_was_sent(client: TestClient) -> None:
    """PATCH with one field leaves the other fields as they were."""
    # BEGIN SOLUTION: patch done alone, then the title alone, and read the task back
    task_id = create(client, "Draft")
    assert client.patch(f"/tasks/{task_id}", json={"done": True}).json() == {
        "id": task_id,
        "title": "Draft",
        "done": True,
    }
    client.patch(f"/tasks/{task_id}", json={"title": "Final"})
    assert client.get(f"/tasks/{task_id}").json() == {"id": task_id, "title": "Final", "done": True}
    # END SOLUTION


def test_delete_answers_204_and_removes(client: TestClient) -> None:
    """DELETE answers 204 with an empty body, and the task is gone afterwards."""
    # BEGIN SOLUTION: delete a task, check the answer, then read it again
    task_id = create(client, "Old")
    response = client.delete(f"/tasks/{task_id}")
    assert response.status_code == 204
    assert response.content == b""
    assert client.get(f"/tasks/{task_id}").status_code == 404
    assert client.get("/tasks").json()["total"] == 0
    # END SOLUTION
