from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Báo cáo"

    def ready(self):
        from programs.period_locks import register_period_lock
        from reporting import navigation, province_tasks, signals  # noqa: F401 — menus, home tasks, signals
        from reporting.locks import approved_report_using

        register_period_lock(approved_report_using)
