"""Day 30: reports that join tables and summarise groups of rows.

Every constant holds one query, run on the practice database of ``weeks/week05/data``.
Tables: ``users``, ``tasks`` (``user_id`` points at the owner), ``tags`` and ``task_tags``
(one row per tag on a task). "Open" means a status other than ``'done'``.
"""

# 1. Each done task with its owner: the task's title and the owner's email, by task id.
DONE_TASKS_WITH_OWNER = """
-- your query here
"""

# 2. How many open tasks each user has, users with none included (with 0): email, open_tasks.
#    Most open tasks first, then by email.
OPEN_TASKS_PER_USER = """
-- your query here
"""

# 3. How many tasks carry each tag, unused tags included (with 0): name, tasks.
#    Most used first, then by name.
TAG_USAGE = """
-- your query here
"""

# 4. The users who have at least :minimum open tasks: email, open_tasks, most first, then by
#    email. (:minimum is a named parameter; the checks pass 3, 4 and others.)
BUSY_USERS = """
-- your query here
"""

# 5. The tags on each user's open tasks: email and tag name, each pair once, by email then
#    tag name. Users with no tagged open task do not appear.
OPEN_TAGS_PER_USER = """
-- your query here
"""
