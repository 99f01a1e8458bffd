"""Day 32: a schema whose constraints refuse bad data before any code sees it.

TaskHub is getting teams. Write the ``CREATE TABLE`` statements for four tables, in SQL that
SQLite and PostgreSQL both run (``INTEGER``, ``VARCHAR(n)``, ``TEXT``; no ``AUTOINCREMENT`` or
``SERIAL``). The checks create them in an empty database, insert valid rows (which must be
stored) and invalid ones (which a constraint must refuse), then delete rows and look at what
the ``ON DELETE`` rules left behind. SQLite enforces foreign keys only with
``PRAGMA foreign_keys = ON``; the checks turn it on, and so should your own connections.

``teams``
    ``id`` integer primary key; ``slug`` required and unique (``'core'``); ``name`` required.
``members``
    ``id`` integer primary key; ``team_id`` required, a team (deleting the team deletes its
    members); ``email`` required, unique within a team (the same person may join two teams);
    ``role`` required, one of ``'owner'``, ``'admin'``, ``'member'``.
``projects``
    ``id`` integer primary key; ``team_id`` required, a team (deleting the team deletes its
    projects); ``name`` required, unique within a team; ``budget_cents`` required integer, zero
    or more; ``lead_id`` optional, a member (deleting that member leaves the project without a
    lead: NULL).
``assignments``
    ``project_id`` a project and ``member_id`` a member, both required; together the primary key
    (a member is assigned to a project once); deleting either side deletes the assignment;
    ``hours_per_week`` required integer from 1 to 40, both included.
"""

# BEGIN SOLUTION: write the four CREATE TABLE statements, separated by semicolons
SCHEMA = """
CREATE TABLE teams (
    id   INTEGER PRIMARY KEY,
    slug VARCHAR(50) NOT NULL UNIQUE,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE members (
    id      INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    email   VARCHAR(255) NOT NULL,
    role    VARCHAR(10) NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    UNIQUE (team_id, email)
);

CREATE TABLE projects (
    id           INTEGER PRIMARY KEY,
    team_id      INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    budget_cents INTEGER NOT NULL CHECK (budget_cents >= 0),
    lead_id      INTEGER REFERENCES members (id) ON DELETE SET NULL,
    UNIQUE (team_id, name)
);

CREATE TABLE assignments (
    project_id     INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    member_id      INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
    PRIMARY KEY (project_id, member_id)
);
"""
# STUB: SCHEMA = """
# STUB: -- CREATE TABLE teams (...);
# STUB: -- CREATE TABLE members (...);
# STUB: -- CREATE TABLE projects (...);
# STUB: -- CREATE TABLE assignments (...);
# STUB: """
# END SOLUTION
