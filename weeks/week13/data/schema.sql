-- The week 13 review database: a shop's users and their orders.
-- Written in the SQL that SQLite and PostgreSQL share, so the same file loads on both.
-- Load it with:  sqlite3 review.db < schema.sql && sqlite3 review.db < seed.sql

CREATE TABLE users (
    id    INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL UNIQUE
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    status      VARCHAR(10) NOT NULL CHECK (status IN ('pending', 'paid', 'refunded')),
    total_cents INTEGER NOT NULL CHECK (total_cents > 0),
    created_at  TIMESTAMP NOT NULL
);
