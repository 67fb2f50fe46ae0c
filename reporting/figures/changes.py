"""What changed in a compiled report's figures between its submission and now: the lines a chairman
must see before approving figures other than those he was asked to approve."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureChange:
    label: str
    before: object
    after: object


_TOTALS = {
    "households": "Tổng số hộ được hỗ trợ",
    "support_amount": "Giá trị hỗ trợ (đồng)",
    "activities": "Số hoạt động",
    "participants": "Lượt người tham gia hoạt động",
    "allocated": "Kinh phí được giao (đồng)",
    "disbursed": "Kinh phí đã giải ngân (đồng)",
}
_COMPONENT = {
    ("support", "households"): "hộ được hỗ trợ",
    ("support", "amount"): "giá trị hỗ trợ (đồng)",
    ("activities", "count"): "số hoạt động",
    ("budget", "allocated"): "kinh phí được giao (đồng)",
    ("budget", "disbursed"): "đã giải ngân (đồng)",
}
_POVERTY = {"poor": "Số hộ nghèo", "near_poor": "Số hộ cận nghèo"}


def figure_changes(before: dict, after: dict) -> list[FigureChange]:
    """The figures that differ, labelled in Vietnamese (totals, each sub-project, poverty)."""
    if not before:
        return []
    changes = []
    for key, label in _TOTALS.items():
        old, new = before.get("totals", {}).get(key), after.get("totals", {}).get(key)
        if old != new:
            changes.append(FigureChange(label, old, new))
    old_rows = {row["code"]: row for row in before.get("components", [])}
    for row in after.get("components", []):
        old = old_rows.get(row["code"])
        for (group, key), label in _COMPONENT.items():
            old_value = old[group][key] if old else None
            if old_value != row[group][key]:
                changes.append(
                    FigureChange(f"{row['code']}. {row['title']}: {label}", old_value, row[group][key])
                )
    for key, label in _POVERTY.items():
        old, new = before.get("poverty", {}).get(key), after.get("poverty", {}).get(key)
        if old != new:
            changes.append(FigureChange(label, old, new))
    return changes
