from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from thoxuan_gnbv import access


def household_list(request):
    if not access.can_view_households(request.user):
        raise PermissionDenied
    return render(request, "households/household_list.html", {})
