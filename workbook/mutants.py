"""Make the mutants of a solution: small wrong versions of the code inside its solution regions.

A checker is only as good as the wrong solutions it catches. Each mutant changes one thing the
learner could get wrong (an operator, a bound, a constant, a condition, a returned value, a
statement left out) and is described by the solution's line and the change, so a maintainer can
read it and, for a mutant that behaves exactly like the solution, list it as equivalent.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from dataclasses import dataclass

from workbook.stubs import solution_regions

GATE = 95.0  # percent of non-equivalent mutants an exercise's checker must kill

_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_ARITHMETIC_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
_SYMBOLS: dict[type[ast.AST], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.And: "and",
    ast.Or: "or",
}
_DELETABLE = (
    ast.Expr,
    ast.Assign,
    ast.AugAssign,
    ast.AnnAssign,
    ast.Raise,
    ast.Return,
    ast.Continue,
    ast.Break,
    ast.Delete,
)
_SHOWN = 60  # characters of code shown in a change


@dataclass(frozen=True)
class Mutant:
    """One wrong version of a solution file."""

    line: int  # 1-based line of the solution where the change is
    code: str  # that line, stripped: how equivalents are matched
    change: str  # "before → after"
    source: str  # the whole mutated file


def make_mutants(text: str, source_name: str) -> list[Mutant]:
    """Every mutant of the code inside the solution regions of ``text`` (a Python file)."""
    regions = solution_regions(text, source_name)
    if not regions:
        return []
    tree = ast.parse(text, filename=source_name)
    lines = text.splitlines(keepends=True)
    skipped = _annotation_nodes(tree)
    mutants: list[Mutant] = []
    seen: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped or not hasattr(node, "lineno"):
            continue
        start, end = node.lineno, getattr(node, "end_lineno", node.lineno) or node.lineno
        if not any(first < start and end < last for first, last in regions):
            continue
        for replacement, change in _variants(node):
            source = _splice(lines, node, replacement)
            if source in seen or source == text:
                continue
            seen.add(source)
            if not _compiles(source, source_name):
                continue  # a mutant Python refuses to compile tests no checker
            code = lines[start - 1].strip()
            mutants.append(Mutant(start, code, change, source))
    mutants.sort(key=lambda m: (m.line, m.change))
    return _numbered(mutants)


def _numbered(mutants: list[Mutant]) -> list[Mutant]:
    """Tell apart mutants whose line and change read the same (``1 → 2`` twice on one line)
    with ``(#2)``, ``(#3)``..., so each can be listed as equivalent on its own."""
    seen: dict[tuple[str, str], int] = {}
    numbered = []
    for mutant in mutants:
        count = seen[(mutant.code, mutant.change)] = seen.get((mutant.code, mutant.change), 0) + 1
        change = mutant.change if count == 1 else f"{mutant.change} (#{count})"
        numbered.append(Mutant(mutant.line, mutant.code, change, mutant.source))
    return numbered


def _compiles(source: str, source_name: str) -> bool:
    try:
        compile(source, source_name, "exec", dont_inherit=True)
    except SyntaxError:
        return False
    return True


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """Nodes inside type annotations and docstrings: changing them changes no behaviour."""
    found: set[int] = set()

    def take(node: ast.AST | None) -> None:
        if node is not None:
            found.update(id(inner) for inner in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.arg):
            take(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            take(node.returns)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                take(body[0])
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            take(node)  # a bare string or ``...`` does nothing
    return found


def _variants(node: ast.AST) -> Iterator[tuple[str, str]]:
    """(replacement code for ``node``, description) for each mutation of this node."""
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            swapped = _COMPARE_SWAPS.get(type(op))
            if swapped is not None:
                mutated_compare = copy.deepcopy(node)
                mutated_compare.ops[index] = swapped()
                change = f"{_SYMBOLS[type(op)]} → {_SYMBOLS[swapped]}"
                yield ast.unparse(mutated_compare), change
    elif isinstance(node, ast.BinOp | ast.AugAssign):
        swapped_op = _ARITHMETIC_SWAPS.get(type(node.op))
        if swapped_op is not None:
            mutated = copy.deepcopy(node)
            mutated.op = swapped_op()
            yield ast.unparse(mutated), f"{_SYMBOLS[type(node.op)]} → {_SYMBOLS[swapped_op]}"
    elif isinstance(node, ast.BoolOp):
        other = ast.Or if isinstance(node.op, ast.And) else ast.And
        mutated_bool = copy.deepcopy(node)
        mutated_bool.op = other()
        yield ast.unparse(mutated_bool), f"{_SYMBOLS[type(node.op)]} → {_SYMBOLS[other]}"
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield _parenthesised(node.operand), f"{_short(node)} → {_short(node.operand)}"
    elif isinstance(node, ast.Constant):
        yield from _constant_variants(node)
    elif isinstance(node, ast.JoinedStr):
        yield "''", f"{_short(node)} → ''"
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        yield from _slice_variants(node)
    returns_none = isinstance(node, ast.Return) and (
        node.value is None or (isinstance(node.value, ast.Constant) and node.value.value is None)
    )
    if isinstance(node, ast.Return) and not returns_none:
        yield "return None", f"{_short(node)} → return None"
    if isinstance(node, _DELETABLE) and not isinstance(node, ast.Return):
        yield "pass", f"{_short(node)} → (statement removed)"


def _constant_variants(node: ast.Constant) -> Iterator[tuple[str, str]]:
    value = node.value
    if isinstance(value, bool):
        yield repr(not value), f"{value!r} → {not value!r}"
    elif isinstance(value, int | float):
        for changed in (value + 1, value - 1):
            yield repr(changed), f"{value!r} → {changed!r}"
    elif isinstance(value, str):
        changed_text = "XX" if value == "" else ""
        yield repr(changed_text), f"{_cut(repr(value))} → {changed_text!r}"


def _slice_variants(node: ast.Subscript) -> Iterator[tuple[str, str]]:
    assert isinstance(node.slice, ast.Slice)
    for bound in ("lower", "upper"):
        value = getattr(node.slice, bound)
        if value is None or isinstance(value, ast.Constant):
            continue  # constants are already changed by one either way
        for label, changed in (("+ 1", ast.BinOp(value, ast.Add(), ast.Constant(1))), ("", None)):
            mutated = copy.deepcopy(node)
            assert isinstance(mutated.slice, ast.Slice)
            setattr(mutated.slice, bound, changed)
            after = ast.unparse(mutated)
            what = f"{bound} bound {label}".strip() if label else f"{bound} bound dropped"
            yield after, f"{_short(node)} → {_cut(after)} ({what})"


def _parenthesised(node: ast.AST) -> str:
    return f"({ast.unparse(node)})"


def _short(node: ast.AST) -> str:
    return _cut(ast.unparse(node).splitlines()[0] if ast.unparse(node) else "")


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _splice(lines: list[str], node: ast.AST, replacement: str) -> str:
    """The file with ``node``'s text replaced by ``replacement`` (kept on the node's first line).

    The AST's column offsets count UTF-8 bytes, so the lines are cut as bytes.
    """
    start, end = node.lineno - 1, (node.end_lineno or node.lineno) - 1  # type: ignore[attr-defined]
    head = lines[start].encode()[: node.col_offset].decode()  # type: ignore[attr-defined]
    tail = lines[end].encode()[node.end_col_offset :].decode()  # type: ignore[attr-defined]
    if isinstance(node, ast.expr) and start != end:
        replacement = f"({replacement})"
    return "".join([*lines[:start], head + replacement + tail, *lines[end + 1 :]])
