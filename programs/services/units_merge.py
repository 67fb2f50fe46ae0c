"""The units (trạm y tế, trường học, đoàn thể…) of communes merged into one move to the successor
with it (households.services.mergers sends ``commune_merged`` inside its transaction). A unit whose
name the successor already has stays with its old commune — its past plans still name it — and its
officers join the successor's unit of that name. No unit is renamed or deleted."""

from households.services.mergers import commune_merged
from programs.models import Unit


def move_units(sender, *, predecessors, successor, **kwargs) -> None:
    names = {unit.name: unit for unit in Unit.objects.filter(commune=successor)}
    for unit in Unit.objects.filter(commune__in=predecessors).order_by("commune_id", "position", "pk"):
        same = names.get(unit.name)
        if same is not None:
            same.officers.add(*unit.officers.all())
            continue
        unit.commune = successor
        unit.save(update_fields=["commune"])
        names[unit.name] = unit


def connect() -> None:
    commune_merged.connect(move_units, dispatch_uid="programs.move_units")
