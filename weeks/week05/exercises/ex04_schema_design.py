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

SCHEMA = """
-- CREATE TABLE teams (...);
-- CREATE TABLE members (...);
-- CREATE TABLE projects (...);
-- CREATE TABLE assignments (...);
"""
