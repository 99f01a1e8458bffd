"""A security review: this API shipped with five flaws from the OWASP API Security Top 10.

Each route below says which flaw it had. Fix them so that:

1. **Broken object level authorization (IDOR).** ``GET /tasks/{id}`` answers another user's
   task with 404 ``"Task <id> not found"``, exactly like a missing task.
2. **Mass assignment.** ``PATCH /me`` changes only ``display_name``; a ``role`` (or any other
   field) in the body changes nothing.
3. **Unrestricted resource consumption.** ``GET /tasks`` takes ``limit`` from 1 to
   ``MAX_LIMIT`` (default 20) and answers 422 outside that range.
4. **An information leak in an error.** ``POST /login`` answers every failure with the same
   401 ``"Invalid credentials"``, so nobody can learn which user names exist.
5. **Cross-site scripting.** ``GET /tasks/{id}/card`` escapes the title before putting it in
   HTML, so ``<script>`` arrives as ``&lt;script&gt;``.
"""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, status
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Tasks API", version="0.8.6")

MAX_LIMIT = 100
TOKENS: dict[str, int] = {"token-ada": 1, "token-bob": 2}
PASSWORDS: dict[str, str] = {"ada": "correct horse battery staple", "bob": "hunter2 hunter2"}


class Task(BaseModel):
    id: int
    title: str
    owner_id: int


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)


class Profile(BaseModel):
    id: int
    name: str
    display_name: str
    role: str


class ProfileUpdate(BaseModel):
    """The only field a user may change about themselves."""

    model_config = ConfigDict(extra="ignore")

    display_name: str = Field(min_length=1, max_length=100)


class Login(BaseModel):
    username: str
    password: str


class Store:
    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}
        self.profiles = {
            1: Profile(id=1, name="ada", display_name="Ada", role="member"),
            2: Profile(id=2, name="bob", display_name="Bob", role="member"),
        }

    def add(self, title: str, owner_id: int) -> Task:
        task = Task(id=len(self.tasks) + 1, title=title, owner_id=owner_id)
        self.tasks[task.id] = task
        return task


_store = Store()


def get_store() -> Store:
    return _store


DataStore = Annotated[Store, Depends(get_store)]


def current_user(authorization: Annotated[str | None, Header()] = None) -> int:
    scheme, _, token = (authorization or "").partition(" ")
    user_id = TOKENS.get(token) if scheme.lower() == "bearer" else None
    if user_id is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Not authenticated",
                            headers={"WWW-Authenticate": "Bearer"})
    return user_id


User = Annotated[int, Depends(current_user)]


def visible_task(task_id: int, user: User, store: DataStore) -> Task:
    """Flaw 1 (IDOR): it returned any task that exists, whoever owned it."""
    # TODO: answer 404 for a missing task and for another user's task alike
    # As shipped:
    #     task = store.tasks.get(task_id)
    #     if task is None:
    #         raise HTTPException(404, detail=f"Task {task_id} not found")
    #     return task
    raise NotImplementedError


VisibleTask = Annotated[Task, Depends(visible_task)]


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(payload: TaskCreate, user: User, store: DataStore) -> Task:
    return store.add(payload.title, user)


@app.get("/tasks/{task_id}")
def read_task(task: VisibleTask) -> Task:
    return task


@app.get("/tasks")
def list_tasks(user: User, store: DataStore, limit: int = 20) -> list[Task]:
    """Flaw 3 (no limit): ``limit`` had no bounds, so one call could ask for everything."""
    # TODO: bound limit between 1 and MAX_LIMIT
    # As shipped:
    #     mine = [task for task in store.tasks.values() if task.owner_id == user]
    #     return mine[:limit]
    raise NotImplementedError


@app.get("/me")
def read_me(user: User, store: DataStore) -> Profile:
    return store.profiles[user]


@app.patch("/me")
def update_me(payload: dict[str, str], user: User, store: DataStore) -> Profile:
    """Flaw 2 (mass assignment): every key of the body was copied onto the profile."""
    # TODO: accept a ProfileUpdate and copy only display_name
    # As shipped:
    #     profile = store.profiles[user].model_copy(update=payload)
    #     store.profiles[user] = profile
    #     return profile
    raise NotImplementedError


@app.post("/login")
def login(credentials: Login) -> dict[str, str]:
    """Flaw 4 (leak): it said "No user named ..." or "Wrong password for ..."."""
    # TODO: one answer for an unknown user and a wrong password
    # As shipped:
    #     name = credentials.username
    #     if name not in PASSWORDS:
    #         raise HTTPException(401, detail=f"No user named {name!r}")
    #     if PASSWORDS[name] != credentials.password:
    #         raise HTTPException(401, detail=f"Wrong password for {name!r}")
    #     return {"token": f"token-{name}"}
    raise NotImplementedError


@app.get("/tasks/{task_id}/card", response_class=HTMLResponse)
def task_card(task: VisibleTask) -> str:
    """Flaw 5 (XSS): the title went into the HTML as it was typed."""
    # TODO: escape the title with html.escape
    # As shipped:
    #     return f"<article><h1>{task.title}</h1><p>Task {task.id}</p></article>"
    raise NotImplementedError
