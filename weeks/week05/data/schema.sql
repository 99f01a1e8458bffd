-- The week 05 practice database: TaskHub's users, tasks and tags, and a small shop.
-- Written in the SQL that SQLite and PostgreSQL share, so the same file loads on both.
-- Load it with:  sqlite3 practice.db < schema.sql && sqlite3 practice.db < seed.sql
--           or:  psql "$DATABASE_URL" -f schema.sql -f seed.sql

CREATE TABLE users (
    id         INTEGER PRIMARY KEY,
    email      VARCHAR(255) NOT NULL UNIQUE,
    name       VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE tasks (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      VARCHAR(200) NOT NULL,
    status     VARCHAR(10) NOT NULL CHECK (status IN ('todo', 'doing', 'done')),
    priority   INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
    due_date   DATE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name VARCHAR(50) NOT NULL UNIQUE
);

CREATE TABLE task_tags (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, tag_id)
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    sku         VARCHAR(40) NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    stock       INTEGER NOT NULL CHECK (stock >= 0)
);

CREATE TABLE cart_items (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (user_id, product_id)
);

CREATE TABLE orders (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    status     VARCHAR(10) NOT NULL CHECK (status IN ('placed', 'shipped', 'cancelled')),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE order_items (
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id       INTEGER NOT NULL REFERENCES products (id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents > 0),
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body       TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (product_id, user_id)
);

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    owner         VARCHAR(100) NOT NULL,
    balance_cents INTEGER NOT NULL CHECK (balance_cents >= 0)
);

CREATE TABLE transfers (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES accounts (id),
    target_id    INTEGER NOT NULL REFERENCES accounts (id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)
);
