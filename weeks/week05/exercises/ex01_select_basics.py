"""Day 29: questions about TaskHub's tasks, each answered by a query on one table.

Every constant below holds one query, under the question it answers. The checks run it on the
practice database of ``weeks/week05/data`` (``schema.sql`` and ``seed.sql``): on SQLite, and on
PostgreSQL too when ``WORKBOOK_POSTGRES_URL`` is set. Write SQL that both understand.

A task's ``status`` is ``'todo'``, ``'doing'`` or ``'done'``; "open" means not done.
``due_date`` may be NULL (no deadline).
"""

# 1. The open tasks: id, title, due_date. Earliest due date first, tasks without a due date
#    after all the others, and tasks due the same day by id.
OPEN_TASKS = """
-- your query here
"""

# 2. The tasks that have no due date: id, title, by id.
TASKS_WITHOUT_DUE_DATE = """
-- your query here
"""

# 3. The tasks whose title mentions "invoice" in any letter case ("Invoice", "INVOICES"...):
#    id, title, by id.
INVOICE_TASKS = """
-- your query here
"""

# 4. The tasks due in March 2026, the 1st and the 31st included: id, due_date, by due date,
#    then by id.
DUE_IN_MARCH = """
-- your query here
"""

# 5. The urgent open work: open tasks of priority 4 or 5: id, title, priority. Highest priority
#    first, then by id.
URGENT_OPEN_TASKS = """
-- your query here
"""

# 6. One page of a user's tasks, newest first (by created_at, then by id, both descending):
#    id, title. Use the named parameters :user_id, :limit and :offset; the checks pass the
#    values (never paste values into SQL text).
USER_TASKS_PAGE = """
-- your query here
"""
