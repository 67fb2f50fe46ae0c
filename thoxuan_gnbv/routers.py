"""Tables a database trigger derives from others are not Django's to dump: ``dumpdata`` asks the
routers which models to carry, and a dump that carried the search's word pairs (``households.models
.search``, written by PostgreSQL's trigger as each household is loaded) would load them twice. The
table itself is created by its migration's SQL, which this router leaves alone (it answers only for a
named model)."""

DERIVED = {("households", "searchpair")}


class DerivedTablesRouter:
    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if (app_label, model_name) in DERIVED:
            return False
        return None
