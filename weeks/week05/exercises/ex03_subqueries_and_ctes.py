"""Day 31: harder questions in steps, with subqueries, common table expressions and a view.

Every constant holds one statement, run on the practice database of ``weeks/week05/data``.
"Open" means a status other than ``'done'``.
"""

# 1. The tasks whose priority is above the average priority of their owner's tasks (a
#    correlated subquery): id, user_id, priority, by id. Equal to the average is not above.
TASKS_ABOVE_OWNER_AVERAGE = """
-- your query here
"""

# 2. The users who have no open task (those without any task included): email, by email.
USERS_WITHOUT_OPEN_TASKS = """
-- your query here
"""

# 3. Each user's most recently created task: email, title, created_at, by email. Users without
#    tasks do not appear. Name the step "latest creation per user" with a CTE (WITH).
LATEST_TASK_PER_USER = """
-- your query here
"""

# 4. The completion rate of every user with at least one task: email, done, total and
#    percent_done, a whole number rounded down (2 done of 3 is 66). Highest rate first, then
#    by email. Count per user in a CTE, then compute the percentage from it.
COMPLETION_RATES = """
-- your query here
"""

# 5. A view named open_tasks: one row per open task with the columns id, title, due_date,
#    priority and owner_email (the owner's email), in that order.
OPEN_TASKS_VIEW = """
-- your CREATE VIEW statement here
"""

# 6. Using the open_tasks view: the tasks overdue on the date :today (due strictly before it):
#    id, owner_email, due_date, the oldest due date first, then by id.
OVERDUE_TASKS = """
-- your query here
"""
