"""Day 34: rankings and running totals with window functions.

A window function computes a value for each row from a set of rows around it (its *window*),
without collapsing them into one row the way GROUP BY does. Every constant holds one query,
run on the practice database of ``weeks/week05/data``. An order's total is the sum of
``quantity * unit_price_cents`` over its ``order_items``; cancelled orders never count.
"""

# 1. Rank each user's open tasks by priority, highest first; tasks of equal priority share a
#    rank and the next rank skips (1, 1, 3): user_id, id, priority, priority_rank. Sorted by
#    user_id, priority_rank, then id.
OPEN_TASK_RANKS = """
-- your query here
"""

# 2. Each user's top :n open tasks: the highest priority first and, for equal priorities, the
#    lower id first; exactly :n per user (fewer if they have fewer): user_id, id, priority.
#    Sorted by user_id, then in that same order.
TOP_OPEN_TASKS = """
-- your query here
"""

# 3. The shop's revenue as it grew: every order that is not cancelled, oldest first (by
#    created_at, then id): id, created_at, total_cents and running_cents (the sum of the
#    totals of this order and all the earlier ones).
RUNNING_REVENUE = """
-- your query here
"""

# 4. Each user's orders that are not cancelled, with the total of that user's previous such
#    order (NULL for their first): user_id, id, total_cents, previous_cents. Sorted by
#    user_id, then by created_at.
ORDERS_WITH_PREVIOUS = """
-- your query here
"""
