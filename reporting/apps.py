from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Báo cáo"

    def ready(self):
        from reporting import navigation  # noqa: F401 — registers menu entries and home tasks
