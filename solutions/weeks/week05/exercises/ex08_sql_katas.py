"""Day 35: short SQL katas, each a classic interview question, on the practice database.

Every constant holds one query, run on the data of ``weeks/week05/data``, on SQLite and, when
configured, on PostgreSQL: write SQL that both understand.
"""

# 1. Emails that appear more than once when letter case is ignored (the UNIQUE constraint on
#    users.email is case-sensitive): email in lower case, accounts (how many). By email.
# BEGIN SOLUTION: write the query
DUPLICATE_EMAILS = """
SELECT LOWER(email) AS email, COUNT(*) AS accounts
FROM users
GROUP BY LOWER(email)
HAVING COUNT(*) > 1
ORDER BY email
"""
# STUB: DUPLICATE_EMAILS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 2. The second-highest price in the shop, counting each price once: one row, price_cents.
# BEGIN SOLUTION: write the query
SECOND_HIGHEST_PRICE = """
SELECT MAX(price_cents) AS price_cents
FROM products
WHERE price_cents < (SELECT MAX(price_cents) FROM products)
"""
# STUB: SECOND_HIGHEST_PRICE = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 3. The products that were never ordered (in no order at all, cancelled ones included):
#    sku, by sku. Write it as an anti-join: LEFT JOIN, then keep the rows that found nothing.
# BEGIN SOLUTION: write the query
NEVER_ORDERED = """
SELECT p.sku
FROM products AS p
LEFT JOIN order_items AS i ON i.product_id = p.id
WHERE i.product_id IS NULL
ORDER BY p.sku
"""
# STUB: NEVER_ORDERED = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 4. The pairs of tasks due on the same day (a self-join): first_id, second_id, due_date, with
#    first_id < second_id so each pair appears once. By first_id, then second_id.
# BEGIN SOLUTION: write the query
SAME_DAY_PAIRS = """
SELECT a.id AS first_id, b.id AS second_id, a.due_date
FROM tasks AS a
JOIN tasks AS b ON b.due_date = a.due_date AND a.id < b.id
ORDER BY first_id, second_id
"""
# STUB: SAME_DAY_PAIRS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION

# 5. Sign-ups per month: month as text 'YYYY-MM' and signups, by month. Date functions differ
#    between databases (strftime on SQLite, to_char on PostgreSQL); the first 7 characters of
#    CAST(created_at AS TEXT) work on both.
# BEGIN SOLUTION: write the query
MONTHLY_SIGNUPS = """
SELECT SUBSTR(CAST(created_at AS TEXT), 1, 7) AS month, COUNT(*) AS signups
FROM users
GROUP BY SUBSTR(CAST(created_at AS TEXT), 1, 7)
ORDER BY month
"""
# STUB: MONTHLY_SIGNUPS = """
# STUB: -- your query here
# STUB: """
# END SOLUTION
