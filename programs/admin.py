from django.contrib import admin

from programs.models import Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "commune", "position"]
    list_filter = ["commune", "kind"]
    filter_horizontal = ["officers"]
