"""Checks for week02/ex06_json_store: ISO dates, atomic saves, refused files left untouched."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from workbook.checking import (
    CheckFailure,
    Learner,
    call,
    describe_exception,
    expect_call,
    expect_equal,
    expect_raises,
    expect_true,
    show,
)

DUE = date(2026, 12, 1)


def _store(learner: Learner, path: Path) -> Any:
    return call(learner.cls("JsonTaskStore"), path, help="JsonTaskStore(path) keeps the path.")


def _tasks(learner: Learner) -> list[Any]:
    task = learner.cls("Task")
    return [task(1, "Buy milk", False, DUE), task(2, "Call Ana", True, None)]


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _refused(learner: Learner, tmp_path: Path, content: str, match: str, help: str) -> Any:
    """Load a file holding ``content``: expect a StorageError matching ``match``, file intact."""
    storage_error = learner.cls("StorageError")
    path = tmp_path / "tasks.json"
    path.write_text(content, encoding="utf-8")
    store = _store(learner, path)
    error = expect_raises(storage_error, store.load, match=match, help=help)
    expect_true(str(path) in str(error), what=f"the message of the StorageError for {content!r}",
                expected=f"the file's path, {str(path)!r}", actual=repr(str(error)),
                help="Put self.path in the message: the user must know which file to look at.")
    after = path.read_text(encoding="utf-8") if path.exists() else None
    expect_equal(after, content, what=f"the file after load() refused {content!r}",
                 help="load() only reads: never rewrite, empty or delete a file you could not "
                 "read, or the user loses the data they could have repaired.")
    expect_equal(_files(tmp_path), ["tasks.json"], what="the files in the folder after load()",
                 help="load() creates no file (no backup, no temporary file).")
    return error


def test_task_to_row(learner: Learner) -> None:
    """turns a task into a JSON-ready row with the date as ISO text"""
    to_row = learner.function("task_to_row")
    first, second = _tasks(learner)
    expect_call(to_row, first, returns={"id": 1, "title": "Buy milk", "done": False,
                                        "due": "2026-12-01"},
                help="One key per field; date.isoformat() gives '2026-12-01'.")
    expect_call(to_row, second, returns={"id": 2, "title": "Call Ana", "done": True, "due": None},
                help="A task without a due date stores None (null in JSON).")


def test_task_from_row(learner: Learner) -> None:
    """reads a row back, with a missing done or due taking its default"""
    from_row = learner.function("task_from_row")
    first, second = _tasks(learner)
    expect_call(from_row, {"id": 1, "title": "Buy milk", "done": False, "due": "2026-12-01"},
                returns=first, help="date.fromisoformat turns the text back into a date.")
    expect_call(from_row, {"id": 2, "title": "Call Ana", "done": True, "due": None},
                returns=second, help="A null due date is None.")
    task = learner.cls("Task")
    expect_call(from_row, {"id": 3, "title": "Old row"}, returns=task(3, "Old row", False, None),
                help="Rows written before 'done' and 'due' existed lack them: use row.get with "
                "the default.")


def test_missing_file_is_empty(learner: Learner, tmp_path: Path) -> None:
    """reads a file that does not exist yet as no tasks, and creates nothing"""
    store = _store(learner, tmp_path / "tasks.json")
    expect_call(store.load, returns=[], help="Catch FileNotFoundError and return [].")
    expect_equal(_files(tmp_path), [], what="the folder after load() of a missing file",
                 help="Loading must not create the file.")


def test_save_and_load(learner: Learner, tmp_path: Path) -> None:
    """saves a versioned document and loads the same tasks back"""
    path = tmp_path / "tasks.json"
    tasks = _tasks(learner)
    call(_store(learner, path).save, tasks, help="save writes the tasks to the file.")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CheckFailure(f"after save(), reading {path.name} failed: {describe_exception(error)}",
                           expected="a JSON file", actual=describe_exception(error),
                           help="save must leave the JSON in self.path.") from None
    expect_equal(document, {"version": 1, "tasks": [
        {"id": 1, "title": "Buy milk", "done": False, "due": "2026-12-01"},
        {"id": 2, "title": "Call Ana", "done": True, "due": None}]},
        what="the document save() wrote", help="Write {'version': SCHEMA_VERSION, 'tasks': "
        "[task_to_row(task) for task in tasks]}.")
    expect_call(_store(learner, path).load, returns=tasks,
                help="A new store on the same file must load the same tasks: that is what "
                "keeps data between two runs of a program.")
    expect_equal(_files(tmp_path), ["tasks.json"], what="the files after save()",
                 help="The temporary file must be moved over the real one, not left behind.")


def test_saved_text_is_readable(learner: Learner, tmp_path: Path) -> None:
    """writes JSON indented by two spaces with a final newline, and an empty list too"""
    path = tmp_path / "tasks.json"
    call(_store(learner, path).save, [], help="Saving no tasks is allowed.")
    text = path.read_text(encoding="utf-8") if path.exists() else None
    expect_equal(text, '{\n  "version": 1,\n  "tasks": []\n}\n', what="the text of save([])",
                 help="json.dump(document, file, indent=2), then write a newline.")
    expect_call(_store(learner, path).load, returns=[], help="An empty task list loads as [].")


def test_save_replaces_the_file(learner: Learner, tmp_path: Path) -> None:
    """saves by moving a new file over the old one, not by rewriting it in place"""
    path = tmp_path / "tasks.json"
    path.write_text('{"version": 1, "tasks": []}', encoding="utf-8")
    before = path.stat().st_ino
    call(_store(learner, path).save, _tasks(learner), help="save writes the tasks to the file.")
    expect_true(path.stat().st_ino != before, what="tasks.json after save()",
                expected="a new file moved into place (os.replace)",
                actual="the same file, rewritten in place",
                help="Opening tasks.json with 'w' empties it first: a crash then leaves half a "
                "file. Write <name>.tmp next to it and move it over with Path.replace.")
    expect_equal(_files(tmp_path), ["tasks.json"], what="the files after save()",
                 help="Nothing else may be left in the folder.")


def test_failed_save_keeps_old_file(learner: Learner, tmp_path: Path) -> None:
    """a save that fails half-way keeps the old file and leaves no temporary file"""
    path = tmp_path / "tasks.json"
    old = '{"version": 1, "tasks": [{"id": 1, "title": "Keep me", "done": false, "due": null}]}'
    path.write_text(old, encoding="utf-8")
    task = learner.cls("Task")
    broken = [task(1, "Fine", False, None), task(2, {"not", "json"}, False, None)]
    try:
        _store(learner, path).save(broken)
    except NotImplementedError:
        raise
    except TypeError:
        pass
    except Exception as error:
        raise CheckFailure(f"save() of a task whose title is a set raised "
                           f"{describe_exception(error)}", expected="the TypeError of json.dump",
                           actual=describe_exception(error),
                           help="Clean up and re-raise the original error: do not replace it."
                           ) from None
    else:
        raise CheckFailure("save() of a task whose title is a set returned normally",
                           expected="TypeError (a set is not JSON)", actual="no error",
                           help="Let json.dump's error propagate after cleaning up.")
    expect_equal(path.read_text(encoding="utf-8"), old,
                 what="tasks.json after a save that failed half-way",
                 help="json.dump writes as it goes, so the failure happens with half a document "
                 "written. Write to the temporary file, and replace the real one only at the end.")
    expect_equal(_files(tmp_path), ["tasks.json"], what="the files after the failed save",
                 help="Wrap the writing in try/except BaseException: unlink the temporary "
                 "file, then raise again.")


def test_refuses_invalid_json(learner: Learner, tmp_path: Path) -> None:
    """refuses a file that is not JSON, naming it, chained, and leaves it untouched"""
    for content in ('{"version": 1, "tasks": [', ""):
        error = _refused(learner, tmp_path, content, "is not valid JSON",
                         help="Catch json.JSONDecodeError and raise StorageError(f'{self.path} "
                         "is not valid JSON: {error}') from it.")
        expect_true(isinstance(error.__cause__, json.JSONDecodeError),
                    what="the __cause__ of the StorageError", expected="the JSONDecodeError",
                    actual=show(error.__cause__), help="Use 'raise ... from error'.")


def test_refuses_other_documents(learner: Learner, tmp_path: Path) -> None:
    """refuses JSON that is not a versioned tasks document, and leaves it untouched"""
    for content in ('[]', '{"tasks": []}', '{"version": "1", "tasks": []}',
                    '{"version": 1, "tasks": {}}', '{"version": 1}', '"tasks"'):
        _refused(learner, tmp_path, content, "is not a tasks file (expected version and tasks)",
                 help="Check the shape before using it: a dict, an int under 'version' and a "
                 "list under 'tasks'.")


def test_refuses_other_versions(learner: Learner, tmp_path: Path) -> None:
    """refuses another schema version, naming it, and leaves the file untouched"""
    for version in (2, 0):
        _refused(learner, tmp_path, f'{{"version": {version}, "tasks": []}}',
                 f"uses schema version {version}; this program reads version 1",
                 help="Compare data['version'] with SCHEMA_VERSION: a newer program may have "
                 "written a format this one would misread.")


def test_refuses_broken_rows(learner: Learner, tmp_path: Path) -> None:
    """refuses a row without a title or with a bad date, chained, file untouched"""
    for row in ('{"id": 1}', '{"id": 1, "title": "x", "due": "2026-13-01"}', '"just text"'):
        error = _refused(learner, tmp_path, f'{{"version": 1, "tasks": [{row}]}}',
                         "has a broken task row",
                         help="Convert the rows inside try/except (AttributeError, "
                         "KeyError, TypeError, ValueError) and raise StorageError naming the "
                         "file from it.")
        expect_true(error.__cause__ is not None, what=f"the __cause__ for the row {row}",
                    expected="the original error", actual="None",
                    help="Use 'raise ... from error' so the real problem stays visible.")
