"""Render ``workbook progress``: every week and the katas, with bars."""

from __future__ import annotations

from workbook.catalog import Catalog
from workbook.commands import command
from workbook.progress import Progress
from workbook.report import Style, progress_bar


def render_progress(catalog: Catalog, progress: Progress, style: Style) -> str:
    lines = [style.paint("Your progress through the workbook", "1"), ""]
    total_points = total_max = 0
    for unit in catalog.units:
        if not unit.exercises:
            planned = len(unit.syllabus.planned) if unit.syllabus else 0
            note = f"lesson only, {planned} exercises planned" if planned else "lesson only"
            lines.append(f"  {unit.name:<7} {' ' * 24}  {'':>9}  {unit.title} ({note})")
            continue
        entries = [progress.exercises.get(e.id) for e in unit.exercises]
        points = sum(entry.best_points for entry in entries if entry)
        passed = sum(1 for entry in entries if entry and entry.first_passed_at)
        total_points += points
        total_max += unit.max_points
        bar = progress_bar(points, unit.max_points, unicode=style.unicode)
        colour = "32" if passed == len(unit.exercises) else "0"
        lines.append(
            f"  {unit.name:<7} {style.paint(bar, colour)}  {passed:>2}/{len(unit.exercises):<2} "
            f"ex.  {unit.title} ({points}/{unit.max_points} pts)"
        )
    percent = round(100 * total_points / total_max) if total_max else 0
    lines += ["", f"  Total: {total_points}/{total_max} points ({percent}%)."]
    attempted = [
        e
        for e in catalog.all_exercises()
        if e.id in progress.exercises and progress.exercises[e.id].attempts
    ]
    if not attempted:
        lines.append(f"  Nothing checked yet. Start with:  {command('check', 'week01')}")
    return "\n".join(lines) + "\n"
