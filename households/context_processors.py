from households.models import Commune


def commune(request):
    """The commune shown in the layout (also on the login page): the first one, as one installation
    serves one commune for now."""
    return {"current_commune": Commune.objects.order_by("pk").first()}
