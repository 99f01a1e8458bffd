"""Day 33: indexes that the database really uses, proven by its query plans.

TaskHub runs these queries on every request (the checks read their plans; do not change them):

* ``TASKS_BY_OWNER_AND_STATUS``: a user's tasks in one status (the task list's filter);
* ``USER_BY_EMAIL``: the login lookup, which ignores the letter case of the email;
* ``TASKS_WITH_TAG``: the tasks that carry one tag.

On the practice database each of them reads the whole of its table: ``EXPLAIN QUERY PLAN``
(SQLite) shows ``SCAN tasks``, and ``EXPLAIN`` (PostgreSQL) a ``Seq Scan``. ``task_tags`` has
a primary key on ``(task_id, tag_id)``, yet a search by ``tag_id`` alone cannot use it.
"""

TASKS_BY_OWNER_AND_STATUS = """
SELECT id, title FROM tasks WHERE user_id = :user_id AND status = :status
"""
USER_BY_EMAIL = """
SELECT id, email FROM users WHERE LOWER(email) = LOWER(:email)
"""
TASKS_WITH_TAG = """
SELECT task_id FROM task_tags WHERE tag_id = :tag_id
"""

# 1. The CREATE INDEX statements (separated by semicolons) that turn the three scans above
#    into index searches. An index serves a condition on its first column (then its second,
#    and so on), and an index on an expression serves a condition on that same expression.
# BEGIN SOLUTION: write the CREATE INDEX statements
INDEXES = """
CREATE INDEX ix_tasks_user_status ON tasks (user_id, status);
CREATE INDEX ix_users_email_lower ON users (LOWER(email));
CREATE INDEX ix_task_tags_tag ON task_tags (tag_id, task_id);
CREATE INDEX ix_tasks_created_at ON tasks (created_at);
"""
# STUB: INDEXES = """
# STUB: -- CREATE INDEX ... ON tasks (...);
# STUB: """
# END SOLUTION

# 2. The monthly report used this query, which reads every task even with an index on
#    created_at, because the column is wrapped in a function:
#
#        SELECT id, created_at FROM tasks
#        WHERE CAST(created_at AS TEXT) LIKE '2026-03%' ORDER BY id
#
#    Rewrite it so it returns the same rows (the tasks created in March 2026, from
#    00:00:00 on the 1st to the last second of the 31st: id, created_at, by id) and an index
#    on created_at can serve it: compare the bare column with a range. Add that index to
#    INDEXES too.
# BEGIN SOLUTION: write the query
TASKS_CREATED_IN_MARCH = """
SELECT id, created_at
FROM tasks
WHERE created_at >= '2026-03-01' AND created_at < '2026-04-01'
ORDER BY id
"""
# STUB: TASKS_CREATED_IN_MARCH = """
# STUB: -- your query here
# STUB: """
# END SOLUTION
