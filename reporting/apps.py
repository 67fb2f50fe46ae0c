from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Báo cáo"

    def ready(self):
        from reporting import navigation, signals  # noqa: F401 — menu entries, home tasks, signal handlers
