-- Six users (farah has no orders) and eight orders in three states.

INSERT INTO users (id, email) VALUES
    (1, 'ana@example.com'),
    (2, 'bruno@example.com'),
    (3, 'chloe@example.com'),
    (4, 'dmitri@example.com'),
    (5, 'eun-ji@example.com'),
    (6, 'farah@example.com');

INSERT INTO orders (id, user_id, status, total_cents, created_at) VALUES
    (1, 1, 'paid',     2500, '2026-04-01 09:00:00'),
    (2, 2, 'paid',     1200, '2026-04-01 10:30:00'),
    (3, 1, 'pending',  4000, '2026-04-02 08:15:00'),
    (4, 3, 'paid',     9900, '2026-04-02 12:00:00'),
    (5, 4, 'refunded', 3000, '2026-04-03 14:00:00'),
    (6, 2, 'paid',     3800, '2026-04-03 16:45:00'),
    (7, 1, 'paid',     2500, '2026-04-04 11:00:00'),
    (8, 5, 'pending',  1500, '2026-04-05 09:30:00');
