"""Import every model so that ``Base.metadata`` knows all tables (Alembic reads it)."""

from taskhub.auth.models import RefreshToken
from taskhub.core.database import Base
from taskhub.tasks.models import Tag, Task, task_tags
from taskhub.users.models import User

__all__ = ["Base", "RefreshToken", "Tag", "Task", "User", "task_tags"]
