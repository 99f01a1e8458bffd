"""Render ``workbook progress``: every week and the katas, with bars."""

from __future__ import annotations

from workbook.catalog import Catalog
from workbook.commands import command
from workbook.progress import Progress
from workbook.report import Style, progress_bar


def render_progress(
    catalog: Catalog, progress: Progress, style: Style, *, core_only: bool = False
) -> str:
    """Every unit with a bar; ``core_only``: the 5 hours a week path (core exercises only)."""
    title = (
        "Your progress on the 5 hours a week path (core exercises)"
        if core_only
        else ("Your progress through the workbook")
    )
    lines = [style.paint(title, "1"), ""]
    total_points = total_max = 0
    for unit in catalog.units:
        exercises = [e for e in unit.exercises if e.core or not core_only]
        if not exercises:
            planned = len(unit.syllabus.planned) if unit.syllabus else 0
            note = f"lesson only, {planned} exercises planned" if planned else "lesson only"
            lines.append(f"  {unit.name:<7} {' ' * 24}  {'':>9}  {unit.title} ({note})")
            continue
        entries = [progress.exercises.get(e.id) for e in exercises]
        points = sum(entry.best_points for entry in entries if entry)
        most = sum(e.points for e in exercises)
        passed = sum(1 for entry in entries if entry and entry.first_passed_at)
        total_points += points
        total_max += most
        bar = progress_bar(points, most, unicode=style.unicode)
        colour = "32" if passed == len(exercises) else "0"
        hours = f", about {sum(e.minutes for e in exercises) / 60:.1f} h" if core_only else ""
        lines.append(
            f"  {unit.name:<7} {style.paint(bar, colour)}  {passed:>2}/{len(exercises):<2} "
            f"ex.  {unit.title} ({points}/{most} pts{hours})"
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
