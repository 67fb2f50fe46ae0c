"""The search's word-pair list: which households hold which pair of neighbouring words, in code order.

A name of two or more words is looked up on PostgreSQL through the pairs of neighbouring words in the
household's folded key, each cut to the last three letters of the first word and the first three of the
next ("phung mai" → ``ung mai``). The pair of a term is in the key of every household the term matches,
and its rows are read in code order, so a page of a term can come from walking one pair's rows, not the
registry (``households.search``).

The table is PostgreSQL's alone (migration 0019): a trigger on the household writes it as a household is
added, changed, deleted or truncated, so no write path (forms, the workbook import, bulk loads, a
restore) can leave it behind. It is derived data, so Django does not manage it: ``dumpdata`` leaves it
out (``loaddata`` refills it through the trigger) and no model code writes it. SQLite has no such table
and searches without it.
"""

from django.db import models

from households.models.geography import Commune
from households.models.registry import Household

PAIR_PART = 3  # letters kept of each word: the trigger's right(…, 3) and left(…, 3)


class SearchPair(models.Model):
    # A household holds each pair once; the key also serves the trigger's delete by household.
    pk = models.CompositePrimaryKey("household", "token")
    household = models.ForeignKey(
        Household, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    # The household's code, so a pair's rows are read in the list's order (codes are unique in a
    # commune, so the code alone orders them: index search_pair_walk_idx (commune, token, code)).
    code = models.CharField(max_length=30)
    token = models.CharField(max_length=2 * PAIR_PART + 1)

    class Meta:
        managed = False
        db_table = "households_searchpair"
        verbose_name = "cặp từ tìm kiếm"
        verbose_name_plural = "cặp từ tìm kiếm"

    def __str__(self):
        return f"{self.code}: {self.token}"
