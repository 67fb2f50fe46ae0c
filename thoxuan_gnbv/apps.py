from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "thoxuan_gnbv"
    verbose_name = "Người dùng và phân quyền"

    def ready(self):
        from django.conf import settings
        from django.contrib import admin
        from django.db.models import fields

        from thoxuan_gnbv import (
            access,
            admin_third_party,
            home,  # noqa: F401 — registers the duties shown on each home page
            middleware,  # noqa: F401 — stamps a session's start at login
            third_party,
        )
        from thoxuan_gnbv.navigation import NavItem, register_nav

        register_nav(NavItem("Nhật ký", "access_log", access.can_view_access_log, order=90))

        # The admin fully in Vietnamese, third-party apps included.
        third_party.translate_third_party_apps()
        admin_third_party.register()
        admin.site.site_header = settings.PORTAL_TITLE
        admin.site.site_title = "Quản trị cổng GNBV"
        admin.site.index_title = "Quản trị dữ liệu"
        # Django 6.1's blank choice label has no Vietnamese translation yet; Django invites apps to set it here.
        fields.BLANK_CHOICE_LABEL = "— Chọn —"
