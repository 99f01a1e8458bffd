"""Day 29: questions about TaskHub's tasks, each answered by a query on one table.

Every constant below holds one query, under the question it answers. The checks run it on the
practice database of ``weeks/week05/data`` (``schema.sql`` and ``seed.sql``): on SQLite, and on
PostgreSQL too when ``WORKBOOK_POSTGRES_URL`` is set. Write SQL that both understand.

A task's ``status`` is ``'todo'``, ``'doing'`` or ``'done'``; "open" means not done.
``due_date`` may be NULL (no deadline).
"""

# 1. The open tasks: id, title, due_date. Earliest due date first, tasks without a due date
#    after all the others, and tasks due the same day by id.
# BEGIN SOLUTION: write the query
OPEN_TASKS = """
SELECT id, title, due_date
FROM tasks
WHERE status <> 'done'
ORDER BY due_date IS NULL, due_date, id
"""
# STUB: OPEN_TASKS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 2. The tasks that have no due date: id, title, by id.
# BEGIN SOLUTION: write the query
TASKS_WITHOUT_DUE_DATE = """
SELECT id, title
FROM tasks
WHERE due_date IS NULL
ORDER BY id
"""
# STUB: TASKS_WITHOUT_DUE_DATE = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 3. The tasks whose title mentions "invoice" in any letter case ("Invoice", "INVOICES"...):
#    id, title, by id.
# BEGIN SOLUTION: write the query
INVOICE_TASKS = """
SELECT id, title
FROM tasks
WHERE LOWER(title) LIKE '%invoice%'
ORDER BY id
"""
# STUB: INVOICE_TASKS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 4. The tasks due in March 2026, the 1st and the 31st included: id, due_date, by due date,
#    then by id.
# BEGIN SOLUTION: write the query
DUE_IN_MARCH = """
SELECT id, due_date
FROM tasks
WHERE due_date BETWEEN '2026-03-01' AND '2026-03-31'
ORDER BY due_date, id
"""
# STUB: DUE_IN_MARCH = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 5. The urgent open work: open tasks of priority 4 or 5: id, title, priority. Highest priority
#    first, then by id.
# BEGIN SOLUTION: write the query
URGENT_OPEN_TASKS = """
SELECT id, title, priority
FROM tasks
WHERE status <> 'done' AND priority >= 4
ORDER BY priority DESC, id
"""
# STUB: URGENT_OPEN_TASKS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 6. One page of a user's tasks, newest first (by created_at, then by id, both descending):
#    id, title. Use the named parameters :user_id, :limit and :offset; the checks pass the
#    values (never paste values into SQL text).
# BEGIN SOLUTION: write the query
USER_TASKS_PAGE = """
SELECT id, title
FROM tasks
WHERE user_id = :user_id
ORDER BY created_at DESC, id DESC
LIMIT :limit OFFSET :offset
"""
# STUB: USER_TASKS_PAGE = """
# STUB: -- your query here
# STUB: """
# END SOLUTION
