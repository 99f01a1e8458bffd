-- Sample rows for schema.sql. Dates are fixed so every answer is the same on every machine;
-- where a question needs "today", the workbook uses 2026-03-10.

INSERT INTO users (id, email, name, created_at) VALUES
    (1, 'ana@example.com', 'Ana Souza', '2026-01-02 09:00:00'),
    (2, 'bruno@example.com', 'Bruno Lima', '2026-01-03 10:30:00'),
    (3, 'chloe@example.com', 'Chloé Martin', '2026-01-10 14:00:00'),
    (4, 'dmitri@example.com', 'Dmitri Ivanov', '2026-01-15 08:45:00'),
    (5, 'eun-ji@example.com', 'Eun-ji Park', '2026-02-01 11:20:00'),
    (6, 'farah@example.com', 'Farah Khan', '2026-02-07 16:00:00'),
    (7, 'gus@example.com', 'Gus Olsen', '2026-02-20 12:00:00'),
    (8, 'hana@example.com', 'Hana Sato', '2026-02-25 19:30:00');

INSERT INTO tasks (id, user_id, title, status, priority, due_date, created_at) VALUES
    (1, 1, 'Send invoice to Acme', 'todo', 3, '2026-03-05', '2026-02-20 09:15:00'),
    (2, 1, 'Review pull request #42', 'doing', 4, '2026-03-10', '2026-02-21 10:00:00'),
    (3, 1, 'Plan sprint 7', 'todo', 2, NULL, '2026-03-01 00:00:00'),
    (4, 1, 'Fix login rate limit', 'doing', 5, '2026-03-01', '2026-02-25 14:30:00'),
    (5, 1, 'Write release notes', 'done', 2, '2026-02-28', '2026-02-18 08:00:00'),
    (6, 2, 'Migrate invoices table', 'todo', 4, '2026-03-31', '2026-03-02 11:00:00'),
    (7, 2, 'Update API docs', 'doing', 3, '2026-03-12', '2026-03-03 16:45:00'),
    (8, 2, 'Rotate database password', 'todo', 5, '2026-03-09', '2026-03-04 09:00:00'),
    (9, 2, 'Archive old logs', 'done', 1, NULL, '2026-02-10 12:00:00'),
    (10, 3, 'INVOICE template redesign', 'todo', 2, '2026-04-01', '2026-03-15 10:30:00'),
    (11, 3, 'Add pagination to /tasks', 'doing', 4, '2026-03-08', '2026-03-05 13:20:00'),
    (12, 3, 'Onboard new designer', 'done', 3, '2026-03-02', '2026-02-27 09:45:00'),
    (13, 3, 'Clean up feature flags', 'done', 2, NULL, '2026-03-31 23:59:59'),
    (14, 4, 'Benchmark search endpoint', 'todo', 3, '2026-03-20', '2026-04-01 00:00:00'),
    (15, 4, 'Renew TLS certificate', 'done', 5, '2026-02-15', '2026-02-01 07:30:00'),
    (16, 4, 'Set up error tracking', 'done', 4, '2026-03-03', '2026-02-28 18:00:00'),
    (17, 5, 'Design tags API', 'todo', 3, '2026-03-18', '2026-03-06 10:00:00'),
    (18, 5, 'Write tests for tags', 'todo', 3, NULL, '2026-03-06 10:05:00'),
    (19, 5, 'Fix flaky CI job', 'doing', 4, '2026-02-27', '2026-02-26 15:00:00'),
    (20, 5, 'Prepare demo', 'done', 2, '2026-03-07', '2026-03-01 09:00:00'),
    (21, 6, 'Interview backend candidate', 'done', 3, '2026-03-04', '2026-03-01 12:00:00'),
    (22, 6, 'Refactor invoice export', 'done', 4, '2026-03-06', '2026-02-22 11:30:00'),
    (23, 8, 'Read PostgreSQL docs', 'done', 1, NULL, '2026-02-14 20:00:00'),
    (24, 8, 'Sketch ER diagram', 'done', 2, '2026-02-20', '2026-02-15 21:00:00'),
    (25, 2, 'Answer support ticket 311', 'done', 3, '2026-03-10', '2026-03-08 08:30:00');

INSERT INTO tags (id, name) VALUES
    (1, 'backend'), (2, 'frontend'), (3, 'billing'), (4, 'urgent'),
    (5, 'docs'), (6, 'ops'), (7, 'research');

INSERT INTO task_tags (task_id, tag_id) VALUES
    (1, 3), (1, 4), (2, 1), (4, 1), (4, 4), (5, 5), (6, 1), (6, 3), (7, 1), (7, 5),
    (8, 4), (8, 6), (9, 6), (10, 2), (10, 3), (11, 1), (11, 2), (14, 1), (15, 6), (16, 6),
    (17, 1), (18, 1), (19, 4), (19, 6), (22, 1), (22, 3), (24, 5);

INSERT INTO products (id, sku, name, price_cents, stock) VALUES
    (1, 'MUG-BLUE', 'Blue enamel mug', 1200, 25),
    (2, 'TSHIRT-M', 'Logo T-shirt, size M', 1990, 3),
    (3, 'STICKERS', 'Sticker pack', 450, 200),
    (4, 'HOODIE-L', 'Hoodie, size L', 4500, 0),
    (5, 'NOTEBOOK', 'Dotted notebook', 890, 40),
    (6, 'CAP', 'Baseball cap', 1500, 10),
    (7, 'POSTER', 'Architecture poster', 2000, 5),
    (8, 'BOTTLE', 'Steel water bottle', 2490, 1);

INSERT INTO cart_items (user_id, product_id, quantity) VALUES
    (4, 3, 5), (6, 8, 2), (7, 1, 2), (7, 2, 3);

INSERT INTO orders (id, user_id, status, created_at) VALUES
    (1, 1, 'shipped', '2026-01-05 10:00:00'),
    (2, 2, 'shipped', '2026-01-18 15:30:00'),
    (3, 1, 'shipped', '2026-01-31 23:59:59'),
    (4, 3, 'cancelled', '2026-02-01 00:00:00'),
    (5, 4, 'shipped', '2026-02-03 09:10:00'),
    (6, 5, 'placed', '2026-02-14 12:00:00'),
    (7, 2, 'shipped', '2026-02-20 08:45:00'),
    (8, 6, 'placed', '2026-02-28 19:00:00'),
    (9, 1, 'placed', '2026-03-01 00:00:00'),
    (10, 8, 'placed', '2026-03-04 17:20:00'),
    (11, 3, 'placed', '2026-03-07 11:11:00'),
    (12, 5, 'cancelled', '2026-03-09 10:00:00');

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES
    (1, 1, 2, 1200), (1, 3, 3, 450),
    (2, 2, 1, 1990), (2, 5, 2, 890),
    (3, 6, 1, 1500),
    (4, 4, 1, 4500),
    (5, 1, 1, 1100), (5, 8, 1, 2490),
    (6, 3, 10, 400), (6, 5, 1, 890),
    (7, 2, 2, 1990),
    (8, 1, 1, 1200), (8, 6, 2, 1500),
    (9, 5, 3, 890), (9, 3, 2, 450),
    (10, 2, 1, 1990),
    (11, 1, 4, 1200),
    (12, 6, 1, 1500);

INSERT INTO reviews (id, product_id, user_id, rating, body, created_at) VALUES
    (1, 1, 2, 5, 'Keeps coffee hot for ages.', '2026-01-20 09:00:00'),
    (2, 1, 5, 4, NULL, '2026-02-10 10:00:00'),
    (3, 1, 6, 4, 'Nice colour.', '2026-03-02 08:00:00'),
    (4, 2, 2, 3, 'Runs small.', '2026-01-25 12:00:00'),
    (5, 2, 8, 5, NULL, '2026-03-06 18:00:00'),
    (6, 3, 1, 5, 'Great stickers.', '2026-01-10 11:00:00'),
    (7, 5, 2, 2, 'Paper too thin.', '2026-01-30 14:00:00'),
    (8, 5, 1, 4, NULL, '2026-03-03 09:30:00'),
    (9, 5, 3, 3, NULL, '2026-03-08 13:00:00'),
    (10, 6, 6, 1, 'Strap broke.', '2026-03-01 16:00:00'),
    (11, 8, 4, 5, 'Best bottle I have owned.', '2026-02-10 08:00:00'),
    (12, 4, 3, 2, 'Itchy fabric.', '2026-02-02 10:00:00');

INSERT INTO accounts (id, owner, balance_cents) VALUES
    (1, 'Ana Souza', 10000), (2, 'Bruno Lima', 2500), (3, 'Chloé Martin', 0),
    (4, 'Dmitri Ivanov', 500);

INSERT INTO transfers (id, source_id, target_id, amount_cents) VALUES
    (1, 1, 2, 1500), (2, 4, 1, 250);
