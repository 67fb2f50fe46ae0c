def commune(request):
    """The commune shown in the layout: the user's (``request.commune``). The login page, with no user,
    shows none and the layout falls back to the portal's generic title."""
    return {"current_commune": getattr(request, "commune", None)}
