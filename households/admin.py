from django.contrib import admin

from households.models import Commune, Neighborhood


class NeighborhoodInline(admin.TabularInline):
    model = Neighborhood
    extra = 0


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "area_type", "reports_to"]
    inlines = [NeighborhoodInline]


@admin.register(Neighborhood)
class NeighborhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "commune", "head", "position"]
    list_filter = ["commune"]
