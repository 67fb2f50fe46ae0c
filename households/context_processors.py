from households.models import Commune


def commune(request):
    """The commune shown in the layout: the first one (one commune per installation for now)."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"current_commune": None}
    return {"current_commune": Commune.objects.order_by("pk").first()}
