from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Báo cáo"

    def ready(self):
        from programs.period_locks import register_period_lock
        from reporting import navigation, province_tasks, signals  # noqa: F401 — menus, home tasks, signals
        from reporting.locks import approved_report_using

        register_period_lock(approved_report_using)

        from reporting.export_tasks import start_households_export
        from thoxuan_gnbv.background import register_export

        register_export("households_xlsx", start_households_export)
        from reporting.figures import kinds, store  # noqa: F401 — kinds: every kind of figures registered
        from thoxuan_gnbv import stored_figures

        stored_figures.set_backend(store)
