from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo and sample data: sits above every domain app; nothing imports it."""

    name = "demo"
    verbose_name = "Dữ liệu mẫu"
