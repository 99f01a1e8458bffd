"""Day 34: rankings and running totals with window functions.

A window function computes a value for each row from a set of rows around it (its *window*),
without collapsing them into one row the way GROUP BY does. Every constant holds one query,
run on the practice database of ``weeks/week05/data``. An order's total is the sum of
``quantity * unit_price_cents`` over its ``order_items``; cancelled orders never count.
"""

# 1. Rank each user's open tasks by priority, highest first; tasks of equal priority share a
#    rank and the next rank skips (1, 1, 3): user_id, id, priority, priority_rank. Sorted by
#    user_id, priority_rank, then id.
# BEGIN SOLUTION: write the query
OPEN_TASK_RANKS = """
SELECT user_id, id, priority,
       RANK() OVER (PARTITION BY user_id ORDER BY priority DESC) AS priority_rank
FROM tasks
WHERE status <> 'done'
ORDER BY user_id, priority_rank, id
"""
# STUB: OPEN_TASK_RANKS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 2. Each user's top :n open tasks: the highest priority first and, for equal priorities, the
#    lower id first; exactly :n per user (fewer if they have fewer): user_id, id, priority.
#    Sorted by user_id, then in that same order.
# BEGIN SOLUTION: write the query
TOP_OPEN_TASKS = """
WITH numbered AS (
    SELECT user_id, id, priority,
           ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY priority DESC, id) AS position
    FROM tasks
    WHERE status <> 'done'
)
SELECT user_id, id, priority
FROM numbered
WHERE position <= :n
ORDER BY user_id, position
"""
# STUB: TOP_OPEN_TASKS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 3. The shop's revenue as it grew: every order that is not cancelled, oldest first (by
#    created_at, then id): id, created_at, total_cents and running_cents (the sum of the
#    totals of this order and all the earlier ones).
# BEGIN SOLUTION: write the query
RUNNING_REVENUE = """
WITH totals AS (
    SELECT o.id, o.created_at, SUM(i.quantity * i.unit_price_cents) AS total_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status <> 'cancelled'
    GROUP BY o.id, o.created_at
)
SELECT id, created_at, total_cents,
       SUM(total_cents) OVER (ORDER BY created_at, id) AS running_cents
FROM totals
ORDER BY created_at, id
"""
# STUB: RUNNING_REVENUE = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 4. Each user's orders that are not cancelled, with the total of that user's previous such
#    order (NULL for their first): user_id, id, total_cents, previous_cents. Sorted by
#    user_id, then by created_at.
# BEGIN SOLUTION: write the query
ORDERS_WITH_PREVIOUS = """
WITH totals AS (
    SELECT o.id, o.user_id, o.created_at, SUM(i.quantity * i.unit_price_cents) AS total_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status <> 'cancelled'
    GROUP BY o.id, o.user_id, o.created_at
)
SELECT user_id, id, total_cents,
       LAG(total_cents) OVER (PARTITION BY user_id ORDER BY created_at) AS previous_cents
FROM totals
ORDER BY user_id, created_at
"""
# STUB: ORDERS_WITH_PREVIOUS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION
