from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = "Chương trình, kế hoạch và thực hiện"

    def ready(self):
        from programs import navigation  # noqa: F401 — registers menu entries and home tasks
        from programs.services import units_merge

        units_merge.connect()  # units move with their commune when communes are merged
