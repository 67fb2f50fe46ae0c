"""Row errors of the household workbook grouped by kind: a file re-imported into an approved year
gives one line "167 dòng, cột …: … (dòng 2, 3, 4, 5, 6, …)" instead of 167 identical lines.

An error's kind is its text without the leading "Dòng N, ": two rows with the same column and the
same problem are one kind; errors naming a value of their own (a repeated code, an unknown khu phố
name) stay apart, since each needs its own fix."""

import re

from households import messages

ROW_PREFIX = re.compile(r"^Dòng (\d+), (.*)$", re.DOTALL)
FIRST_ROWS = 5  # row numbers shown for a group: enough to find the pattern in the file


def row_of(message: str) -> int:
    """The row number an error names (0 for a file-level error, which sorts first)."""
    match = ROW_PREFIX.match(message)
    return int(match.group(1)) if match else 0


def group_errors(errors: list[str], first: int = FIRST_ROWS) -> list[str]:
    """The errors with every kind met on two rows or more folded into one line naming the count and
    the first ``first`` rows; in the order of each kind's first row."""
    groups: dict[str, list[int]] = {}
    order: list[tuple[int, str]] = []
    for message in errors:
        match = ROW_PREFIX.match(message)
        if match is None:
            order.append((0, message))
            continue
        row, rest = int(match.group(1)), match.group(2)
        if rest not in groups:
            groups[rest] = []
            order.append((row, rest))
        groups[rest].append(row)
    lines = []
    for _, rest in sorted(order, key=lambda item: min(groups.get(item[1], [item[0]]))):
        rows = groups.get(rest)
        if rows is None:
            lines.append(rest)  # a file-level error
        elif len(rows) == 1:
            lines.append(f"Dòng {rows[0]}, {rest}")
        else:
            shown = ", ".join(str(r) for r in sorted(rows)[:first]) + (", …" if len(rows) > first else "")
            lines.append(
                messages.ERRORS_GROUPED.format(
                    count=f"{len(rows):,}".replace(",", "."), rest=rest, rows=shown
                )
            )
    return lines
