"""Checks for week05/ex04_schema_design: constraints proven by rows stored and rows refused.

Every check creates the learner's four tables in an empty database and inserts the same valid
rows; then it tries rows that break exactly one rule, which the right kind of constraint must
refuse, or deletes rows and looks at what the ON DELETE rules left.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbook.checking import Learner
from workbook.checking_sql import (
    Database,
    databases,
    expect_accepted,
    expect_refused,
    expect_rows,
    learner_sql,
    names_engines,
)

VALID_ROWS = [
    "INSERT INTO teams (id, slug, name) VALUES (1, 'core', 'Core API')",
    "INSERT INTO teams (id, slug, name) VALUES (2, 'growth', 'Growth')",
    "INSERT INTO members (id, team_id, email, role) VALUES (1, 1, 'ana@example.com', 'owner')",
    "INSERT INTO members (id, team_id, email, role) VALUES (2, 1, 'bruno@example.com', 'admin')",
    "INSERT INTO members (id, team_id, email, role) VALUES (3, 1, 'chloe@example.com', 'member')",
    "INSERT INTO members (id, team_id, email, role) VALUES (4, 2, 'ana@example.com', 'member')",
    "INSERT INTO projects (id, team_id, name, budget_cents, lead_id) "
    "VALUES (1, 1, 'Search', 500000, 2)",
    "INSERT INTO projects (id, team_id, name, budget_cents, lead_id) "
    "VALUES (2, 1, 'Billing', 0, NULL)",
    "INSERT INTO projects (id, team_id, name, budget_cents, lead_id) "
    "VALUES (3, 2, 'Search', 120000, 4)",
    "INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (1, 2, 40)",
    "INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (1, 3, 1)",
    "INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (2, 1, 8)",
    "INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (3, 4, 20)",
]


def _schemas(learner: Learner, *, with_rows: bool = True) -> Iterator[Database]:
    """A database per engine with the learner's tables (and the valid rows) in it."""
    schema = learner_sql(learner, "SCHEMA")
    for database in databases():
        database.run_script(schema)
        if with_rows:
            for statement in VALID_ROWS:
                expect_accepted(database, statement,
                                help="This row breaks no rule of the exercise: check the table "
                                "and column names, and that no constraint is stricter than asked.")
        yield database


@names_engines
def test_accepts_valid_rows(learner: Learner) -> None:
    """stores valid rows, including every bound (budget 0, 1 and 40 hours)"""
    for database in _schemas(learner, with_rows=False):
        for statement in VALID_ROWS:
            expect_accepted(database, statement,
                            help="Valid rows must be stored: a budget of 0, 1 or 40 hours a week, "
                            "no lead, and the same email or project name in another team are "
                            "all allowed.")
        expect_rows(database, "SELECT COUNT(*) FROM assignments", [(4,)], ordered=True,
                    what="the number of assignments stored",
                    help="Each INSERT of a valid row must store exactly that row.")


@names_engines
def test_refuses_duplicates(learner: Learner) -> None:
    """refuses duplicates with UNIQUE and a composite primary key"""
    for database in _schemas(learner):
        expect_refused(database, "INSERT INTO teams (id, slug, name) VALUES (3, 'core', 'Other')",
                       by="unique", help="slug identifies a team in URLs: declare it UNIQUE.")
        expect_refused(database, "INSERT INTO members (id, team_id, email, role) "
                       "VALUES (5, 1, 'ana@example.com', 'member')", by="unique",
                       help="An email is unique within a team: UNIQUE (team_id, email), not "
                       "UNIQUE on email alone (ana is in two teams).")
        expect_refused(database, "INSERT INTO projects (id, team_id, name, budget_cents) "
                       "VALUES (4, 2, 'Search', 10)", by="unique",
                       help="A project name is unique within a team: UNIQUE (team_id, name).")
        expect_refused(database, "INSERT INTO assignments (project_id, member_id, hours_per_week) "
                       "VALUES (1, 2, 5)", by="unique",
                       help="A member is assigned to a project once: make the pair "
                       "(project_id, member_id) the primary key.")


@names_engines
def test_refuses_missing_values(learner: Learner) -> None:
    """refuses missing required values with NOT NULL"""
    cases = [
        ("INSERT INTO teams (id, slug, name) VALUES (3, 'ops', NULL)", "teams.name"),
        ("INSERT INTO teams (id, slug, name) VALUES (3, NULL, 'Ops')", "teams.slug"),
        ("INSERT INTO members (id, team_id, email, role) VALUES (5, 1, NULL, 'member')",
         "members.email"),
        ("INSERT INTO members (id, team_id, email, role) VALUES (5, 1, 'dan@example.com', NULL)",
         "members.role"),
        ("INSERT INTO members (id, team_id, email, role) "
         "VALUES (5, NULL, 'dan@example.com', 'member')", "members.team_id"),
        ("INSERT INTO projects (id, team_id, name, budget_cents) VALUES (4, 1, NULL, 10)",
         "projects.name"),
        ("INSERT INTO projects (id, team_id, name, budget_cents) VALUES (4, 1, 'Docs', NULL)",
         "projects.budget_cents"),
        ("INSERT INTO projects (id, team_id, name, budget_cents) VALUES (4, NULL, 'Docs', 10)",
         "projects.team_id"),
        ("INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (2, 2, NULL)",
         "assignments.hours_per_week"),
        ("INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (NULL, 2, 5)",
         "assignments.project_id (SQLite lets NULL into a composite primary key)"),
        ("INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (2, NULL, 5)",
         "assignments.member_id (SQLite lets NULL into a composite primary key)"),
    ]
    for database in _schemas(learner):
        for statement, column in cases:
            expect_refused(database, statement, by="not null",
                           help=f"{column} is required: declare it NOT NULL (a UNIQUE or CHECK "
                           "constraint lets NULL through).")


@names_engines
def test_refuses_values_outside_the_rules(learner: Learner) -> None:
    """refuses a bad role, a negative budget and 0 or 41 hours with CHECK"""
    cases = [
        ("INSERT INTO members (id, team_id, email, role) VALUES (5, 1, 'dan@example.com', 'boss')",
         "role must be one of 'owner', 'admin', 'member': CHECK (role IN (...))."),
        ("INSERT INTO projects (id, team_id, name, budget_cents) VALUES (4, 1, 'Docs', -1)",
         "A budget can be 0 but not negative: CHECK (budget_cents >= 0)."),
        ("INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (2, 2, 0)",
         "hours_per_week goes from 1 to 40, both included: 0 is out."),
        ("INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (2, 2, 41)",
         "hours_per_week goes from 1 to 40, both included: 41 is out."),
    ]
    for database in _schemas(learner):
        for statement, help in cases:
            expect_refused(database, statement, by="check", help=help)


@names_engines
def test_refuses_rows_that_point_nowhere(learner: Learner) -> None:
    """refuses references to rows that do not exist (foreign keys)"""
    cases = [
        ("INSERT INTO members (id, team_id, email, role) "
         "VALUES (5, 99, 'dan@example.com', 'member')", "members.team_id REFERENCES teams (id)"),
        ("INSERT INTO projects (id, team_id, name, budget_cents) VALUES (4, 99, 'Docs', 10)",
         "projects.team_id REFERENCES teams (id)"),
        ("INSERT INTO projects (id, team_id, name, budget_cents, lead_id) "
         "VALUES (4, 1, 'Docs', 10, 99)", "projects.lead_id REFERENCES members (id)"),
        ("INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (99, 2, 5)",
         "assignments.project_id REFERENCES projects (id)"),
        ("INSERT INTO assignments (project_id, member_id, hours_per_week) VALUES (2, 99, 5)",
         "assignments.member_id REFERENCES members (id)"),
    ]
    for database in _schemas(learner):
        for statement, reference in cases:
            expect_refused(database, statement, by="foreign key",
                           help=f"Declare {reference}, so no row can point at nothing.")


@names_engines
def test_deleting_a_team_cascades(learner: Learner) -> None:
    """deleting a team deletes its members, projects and their assignments"""
    for database in _schemas(learner):
        expect_accepted(database, "DELETE FROM teams WHERE id = 1",
                        help="Deleting a team must be allowed: its rows go with it "
                        "(ON DELETE CASCADE on members.team_id and projects.team_id).")
        expect_rows(database, "SELECT id, team_id FROM members ORDER BY id", [(4, 2)],
                    ordered=True, what="the members left after deleting team 1",
                    help="members.team_id needs ON DELETE CASCADE.")
        expect_rows(database, "SELECT id, team_id FROM projects ORDER BY id", [(3, 2)],
                    ordered=True, what="the projects left after deleting team 1",
                    help="projects.team_id needs ON DELETE CASCADE.")
        expect_rows(database, "SELECT project_id, member_id FROM assignments", [(3, 4)],
                    ordered=False, what="the assignments left after deleting team 1",
                    help="assignments.project_id and member_id need ON DELETE CASCADE.")


@names_engines
def test_deleting_a_member(learner: Learner) -> None:
    """deleting a member clears the projects they led and removes their assignments"""
    for database in _schemas(learner):
        expect_accepted(database, "DELETE FROM members WHERE id = 2",
                        help="Deleting a member must be allowed: the project they lead keeps "
                        "going without a lead (ON DELETE SET NULL on projects.lead_id).")
        expect_rows(database, "SELECT id, lead_id FROM projects ORDER BY id",
                    [(1, None), (2, None), (3, 4)], ordered=True,
                    what="the projects' leads after deleting member 2",
                    help="projects.lead_id needs ON DELETE SET NULL: the project stays, its lead "
                    "becomes NULL.")
        expect_rows(database, "SELECT project_id, member_id FROM assignments",
                    [(1, 3), (2, 1), (3, 4)], ordered=False,
                    what="the assignments left after deleting member 2",
                    help="assignments.member_id needs ON DELETE CASCADE.")


@names_engines
def test_deleting_a_project(learner: Learner) -> None:
    """deleting a project deletes its assignments and nothing else"""
    for database in _schemas(learner):
        expect_accepted(database, "DELETE FROM projects WHERE id = 1",
                        help="Deleting a project must be allowed: its assignments go with it "
                        "(ON DELETE CASCADE on assignments.project_id).")
        expect_rows(database, "SELECT project_id, member_id FROM assignments",
                    [(2, 1), (3, 4)], ordered=False,
                    what="the assignments left after deleting project 1",
                    help="assignments.project_id needs ON DELETE CASCADE.")
        expect_rows(database, "SELECT COUNT(*) FROM members", [(4,)], ordered=True,
                    what="the number of members after deleting project 1",
                    help="A project's deletion must not reach its members or its lead.")
