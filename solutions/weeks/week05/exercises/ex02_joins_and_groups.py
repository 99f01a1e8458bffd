"""Day 30: reports that join tables and summarise groups of rows.

Every constant holds one query, run on the practice database of ``weeks/week05/data``.
Tables: ``users``, ``tasks`` (``user_id`` points at the owner), ``tags`` and ``task_tags``
(one row per tag on a task). "Open" means a status other than ``'done'``.
"""

# 1. Each done task with its owner: the task's title and the owner's email, by task id.
# BEGIN SOLUTION: write the query
DONE_TASKS_WITH_OWNER = """
SELECT t.title, u.email
FROM tasks AS t
JOIN users AS u ON u.id = t.user_id
WHERE t.status = 'done'
ORDER BY t.id
"""
# STUB: DONE_TASKS_WITH_OWNER = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 2. How many open tasks each user has, users with none included (with 0): email, open_tasks.
#    Most open tasks first, then by email.
# BEGIN SOLUTION: write the query
OPEN_TASKS_PER_USER = """
SELECT u.email, COUNT(t.id) AS open_tasks
FROM users AS u
LEFT JOIN tasks AS t ON t.user_id = u.id AND t.status <> 'done'
GROUP BY u.id, u.email
ORDER BY open_tasks DESC, u.email
"""
# STUB: OPEN_TASKS_PER_USER = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 3. How many tasks carry each tag, unused tags included (with 0): name, tasks.
#    Most used first, then by name.
# BEGIN SOLUTION: write the query
TAG_USAGE = """
SELECT g.name, COUNT(tt.task_id) AS tasks
FROM tags AS g
LEFT JOIN task_tags AS tt ON tt.tag_id = g.id
GROUP BY g.id, g.name
ORDER BY tasks DESC, g.name
"""
# STUB: TAG_USAGE = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 4. The users who have at least :minimum open tasks: email, open_tasks, most first, then by
#    email. (:minimum is a named parameter; the checks pass 3, 4 and others.)
# BEGIN SOLUTION: write the query
BUSY_USERS = """
SELECT u.email, COUNT(*) AS open_tasks
FROM users AS u
JOIN tasks AS t ON t.user_id = u.id
WHERE t.status <> 'done'
GROUP BY u.id, u.email
HAVING COUNT(*) >= :minimum
ORDER BY open_tasks DESC, u.email
"""
# STUB: BUSY_USERS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 5. The tags on each user's open tasks: email and tag name, each pair once, by email then
#    tag name. Users with no tagged open task do not appear.
# BEGIN SOLUTION: write the query
OPEN_TAGS_PER_USER = """
SELECT DISTINCT u.email, g.name
FROM users AS u
JOIN tasks AS t ON t.user_id = u.id
JOIN task_tags AS tt ON tt.task_id = t.id
JOIN tags AS g ON g.id = tt.tag_id
WHERE t.status <> 'done'
ORDER BY u.email, g.name
"""
# STUB: OPEN_TAGS_PER_USER = """
# STUB: -- your query here
# STUB: """
# END SOLUTION
