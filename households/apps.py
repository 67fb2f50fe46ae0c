from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "households"
    verbose_name = "Hộ gia đình và rà soát"

    def ready(self):
        from households import navigation  # noqa: F401 — registers menu entries and home tasks
