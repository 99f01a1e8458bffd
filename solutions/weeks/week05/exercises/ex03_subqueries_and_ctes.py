"""Day 31: harder questions in steps, with subqueries, common table expressions and a view.

Every constant holds one statement, run on the practice database of ``weeks/week05/data``.
"Open" means a status other than ``'done'``.
"""

# 1. The tasks whose priority is above the average priority of their owner's tasks (a
#    correlated subquery): id, user_id, priority, by id. Equal to the average is not above.
# BEGIN SOLUTION: write the query
TASKS_ABOVE_OWNER_AVERAGE = """
SELECT t.id, t.user_id, t.priority
FROM tasks AS t
WHERE t.priority > (
    SELECT AVG(mine.priority)
    FROM tasks AS mine
    WHERE mine.user_id = t.user_id
)
ORDER BY t.id
"""
# STUB: TASKS_ABOVE_OWNER_AVERAGE = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 2. The users who have no open task (those without any task included): email, by email.
# BEGIN SOLUTION: write the query
USERS_WITHOUT_OPEN_TASKS = """
SELECT u.email
FROM users AS u
WHERE NOT EXISTS (
    SELECT 1 FROM tasks AS t
    WHERE t.user_id = u.id AND t.status <> 'done'
)
ORDER BY u.email
"""
# STUB: USERS_WITHOUT_OPEN_TASKS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 3. Each user's most recently created task: email, title, created_at, by email. Users without
#    tasks do not appear. Name the step "latest creation per user" with a CTE (WITH).
# BEGIN SOLUTION: write the query
LATEST_TASK_PER_USER = """
WITH latest AS (
    SELECT user_id, MAX(created_at) AS created_at
    FROM tasks
    GROUP BY user_id
)
SELECT u.email, t.title, t.created_at
FROM latest AS l
JOIN tasks AS t ON t.user_id = l.user_id AND t.created_at = l.created_at
JOIN users AS u ON u.id = l.user_id
ORDER BY u.email
"""
# STUB: LATEST_TASK_PER_USER = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 4. The completion rate of every user with at least one task: email, done, total and
#    percent_done, a whole number rounded down (2 done of 3 is 66). Highest rate first, then
#    by email. Count per user in a CTE, then compute the percentage from it.
# BEGIN SOLUTION: write the query
COMPLETION_RATES = """
WITH counts AS (
    SELECT user_id,
           SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done,
           COUNT(*) AS total
    FROM tasks
    GROUP BY user_id
)
SELECT u.email, c.done, c.total, 100 * c.done / c.total AS percent_done
FROM counts AS c
JOIN users AS u ON u.id = c.user_id
ORDER BY percent_done DESC, u.email
"""
# STUB: COMPLETION_RATES = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 5. A view named open_tasks: one row per open task with the columns id, title, due_date,
#    priority and owner_email (the owner's email), in that order.
# BEGIN SOLUTION: write the CREATE VIEW statement
OPEN_TASKS_VIEW = """
CREATE VIEW open_tasks AS
SELECT t.id, t.title, t.due_date, t.priority, u.email AS owner_email
FROM tasks AS t
JOIN users AS u ON u.id = t.user_id
WHERE t.status <> 'done'
"""
# STUB: OPEN_TASKS_VIEW = """
# STUB: -- your CREATE VIEW statement here
# STUB: """
# END SOLUTION

# 6. Using the open_tasks view: the tasks overdue on the date :today (due strictly before it):
#    id, owner_email, due_date, the oldest due date first, then by id.
# BEGIN SOLUTION: write the query
OVERDUE_TASKS = """
SELECT id, owner_email, due_date
FROM open_tasks
WHERE due_date < :today
ORDER BY due_date, id
"""
# STUB: OVERDUE_TASKS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION
