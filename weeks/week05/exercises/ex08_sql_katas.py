"""Day 35: short SQL katas, each a classic interview question, on the practice database.

Every constant holds one query, run on the data of ``weeks/week05/data``, on SQLite and, when
configured, on PostgreSQL: write SQL that both understand.
"""

# 1. Emails that appear more than once when letter case is ignored (the UNIQUE constraint on
#    users.email is case-sensitive): email in lower case, accounts (how many). By email.
DUPLICATE_EMAILS = """
-- your query here
"""

# 2. The second-highest price in the shop, counting each price once: one row, price_cents.
SECOND_HIGHEST_PRICE = """
-- your query here
"""

# 3. The products that were never ordered (in no order at all, cancelled ones included):
#    sku, by sku. Write it as an anti-join: LEFT JOIN, then keep the rows that found nothing.
NEVER_ORDERED = """
-- your query here
"""

# 4. The pairs of tasks due on the same day (a self-join): first_id, second_id, due_date, with
#    first_id < second_id so each pair appears once. By first_id, then second_id.
SAME_DAY_PAIRS = """
-- your query here
"""

# 5. Sign-ups per month: month as text 'YYYY-MM' and signups, by month. Date functions differ
#    between databases (strftime on SQLite, to_char on PostgreSQL); the first 7 characters of
#    CAST(created_at AS TEXT) work on both.
MONTHLY_SIGNUPS = """
-- your query here
"""
