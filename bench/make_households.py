"""Generate a realistic household registry for the benchmarks and the crawler.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1k \
        .venv/bin/python bench/make_households.py --households 1000

Creates (after ``migrate``) a commune "bench" with 12 khu phố and N households of about four members
(head, spouse, children, sometimes a parent; names with real frequencies, bench/make_names.py), the demo's
users working for it (``laodong``, ``chutich``… as ``seed_demo``; bench/make_users.py) and a labour
officer "bench-officer"; approved review rounds for 2022, 2023 and 2024 with believable movements, the
list of each round, khu phố meetings with their votes, the posting and the steps (bench/make_rounds.py);
and django-simple-history rows: one at creation for every household and member, one more for each
household (and its head) in each year its category changed. Rows go in with COPY on PostgreSQL (1M
households in well under 20 minutes), executemany elsewhere. Re-running replaces the bench commune's
data (use a fresh database at 1M: deleting is slow). Deterministic (seeded).
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from bench import make_rounds as rounds  # noqa: E402
from bench.make_names import Names, search_key  # noqa: E402
from bench.make_sql import analyze, insert_rows, next_id, reset_sequences  # noqa: E402
from bench.make_users import seed_bench_users  # noqa: E402
from demo.builders import STREETS  # noqa: E402
from demo.registry import _inputs_for  # noqa: E402
from households.classification import MemberFacts, derive_flags, thresholds_for, working_age_for  # noqa: E402
from households.models import AreaType, Commune, Household, Member, Neighborhood, PovertyStandard  # noqa: E402
from households.services.registry import MEMBER_FIELDS  # noqa: E402
from thoxuan_gnbv import workflow  # noqa: E402
from thoxuan_gnbv.models import Role, User  # noqa: E402

CHUNK = 20_000
CODE = "bench"
CREATED = datetime.date(2021, 12, 15)  # entered before the first round reviewed
HOUSEHOLD_COLUMNS = [
    "id", "commune_id", "neighborhood_id", "code", "head_name", "head_national_id", "address",
    "is_ethnic_minority", "has_meritorious_person", "without_labour_capacity", "search_key", "created_at",
    "updated_at", "version",
]  # fmt: skip
MEMBER_COLUMNS = ["id", "household_id", *MEMBER_FIELDS, "version"]
HISTORY_COLUMNS = ["history_date", "history_change_reason", "history_type", "history_user_id"]


def members_of(names: Names, rng) -> list[dict]:
    """Head, spouse, children (the father's family name) and sometimes a parent of the head."""
    head_sex = "male" if rng.random() < 0.75 else "female"
    head_born = rng.randint(1940, 1996)
    head_family = names.family()
    people = [{"sex": head_sex, "born": head_born, "family": head_family, "relation": "head"}]
    father_family = head_family
    if head_born > 1948 and rng.random() < 0.8:
        spouse_family = names.family()
        if head_sex == "female":
            father_family = spouse_family
        sex = "female" if head_sex == "male" else "male"
        people.append(
            {
                "sex": sex,
                "born": head_born + rng.randint(-5, 5),
                "family": spouse_family,
                "relation": "spouse",
            }
        )
    for _ in range(rng.choice([0, 1, 2, 2, 2, 3, 3, 4])):
        born = head_born + rng.randint(20, 40)
        if born <= 2023:
            people.append(
                {
                    "sex": rng.choice(["male", "female"]),
                    "born": born,
                    "family": father_family,
                    "relation": "child",
                }
            )
    if head_born >= 1960 and rng.random() < 0.15:
        people.append({"sex": rng.choice(["male", "female"]), "born": head_born - rng.randint(22, 32), "family": head_family, "relation": "parent"})  # fmt: skip
    for person in people:
        person["name"] = names.full(person["sex"], person["family"])
        person["national_id"] = (
            names.national_id(person["sex"], person["born"]) if person["born"] <= 2010 else ""
        )
        person["able"] = 15 <= 2024 - person["born"] <= 62 and rng.random() < 0.95
    return people


def reset(commune):
    """Remove a previous run's rows with raw deletes (benchmark data, not official records; no history
    rows for the deletion)."""
    from households import models as h
    from programs.models import Support

    def gone(queryset):
        queryset._raw_delete(queryset.db)

    gone(Support._base_manager.filter(household__commune=commune))
    gone(h.MeetingVote._base_manager.filter(meeting__round__commune=commune))
    gone(h.Complaint._base_manager.filter(round__commune=commune))
    for model in (h.Meeting, h.Posting, h.RoundHousehold, h.Review):
        gone(model._base_manager.filter(round__commune=commune))
    gone(h.ReviewRoundTransition._base_manager.filter(review_round__commune=commune))
    gone(h.ReviewRound._base_manager.filter(commune=commune))
    gone(Member.history.model._base_manager.filter(household_id__in=Household.objects.filter(commune=commune).values("pk")))  # fmt: skip
    gone(Household.history.model._base_manager.filter(commune_id=commune.pk))
    gone(Member._base_manager.filter(household__commune=commune))
    gone(Household._base_manager.filter(commune=commune))


@workflow.seeding()  # approved rounds are created with their stages, as the demo's are
def generate(households: int, seed: int = 7, chunk: int = CHUNK, log=print) -> Commune:
    started = time.perf_counter()
    rng = random.Random(seed)
    names = Names(rng)
    commune, _ = Commune.objects.update_or_create(
        code=CODE,
        defaults={"name": "Thị trấn Đo Tải", "kind": "thi_tran", "area_type": AreaType.URBAN,
                  "issuer_name": "THỊ TRẤN ĐO TẢI", "place_name": "Đo Tải"},
    )  # fmt: skip
    reset(commune)
    neighborhoods = [
        Neighborhood.objects.update_or_create(commune=commune, name=f"Khu phố {n}", defaults={"position": n})[
            0
        ]
        for n in range(1, 13)
    ]
    users = seed_bench_users(commune)
    User.objects.update_or_create(
        username="bench-officer", defaults={"role": Role.LABOUR_OFFICER, "commune": commune}
    )
    officer_id = users["laodong"].pk
    standards = {y: PovertyStandard.objects.in_force(y) for y in rounds.YEARS}
    thresholds = {y: thresholds_for(s, commune.area_type) for y, s in standards.items()}
    working_age = working_age_for(standards[2024])
    round_of = {y: rounds.create_round(commune, y, users) for y in rounds.YEARS}
    meeting_of = {y: rounds.meetings(round_of[y], neighborhoods, users, rng) for y in rounds.YEARS}
    summary = {y: {} for y in rounds.YEARS}
    household_id, member_id = next_id(Household), next_id(Member)
    created = rounds.at(CREATED)
    for start in range(0, households, chunk):
        rows = {k: [] for k in ("household", "member", "review", "entry", "vote", "hh_history", "m_history")}
        for i in range(start, min(start + chunk, households)):
            neighborhood = neighborhoods[rng.randrange(len(neighborhoods))]
            code = f"B{i + 1:07d}"
            people = members_of(names, rng)
            ethnic = rng.random() < 0.05
            merit = [rng.random() < 0.02 for _ in people]
            facts = [
                MemberFacts(datetime.date(p["born"], 6, 15), p["sex"], p["able"], ethnic, m)
                for p, m in zip(people, merit, strict=True)
            ]
            flags = derive_flags(facts, datetime.date(2024, 12, 31), working_age)
            head = people[0]
            parts = [head["name"], head["national_id"]] + [
                t for p in people for t in (p["name"], p["national_id"])
            ]
            years = rounds.categories(rng, flags.without_labour_capacity)
            changed = [y for y in rounds.YEARS[1:] if years[y] != years[y - 1]]
            updated = rounds.at(datetime.date(changed[-1], 8, 14)) if changed else created
            household = (
                household_id, commune.pk, neighborhood.pk, code, head["name"], head["national_id"],
                f"Số {rng.randint(1, 250)} đường {rng.choice(STREETS)}, {neighborhood.name}",
                flags.is_ethnic_minority, flags.has_meritorious_person, flags.without_labour_capacity,
                search_key(code, parts), created, updated, 1 + len(changed),
            )  # fmt: skip
            rows["household"].append(household)
            for version, when in enumerate([CREATED, *(datetime.date(y, 8, 14) for y in changed)], start=1):
                # simple_history: "+" at creation, "~" at each yearly survey that changed the household.
                kind, reason = ("+", "") if version == 1 else ("~", "Rà soát hằng năm")
                rows["hh_history"].append(
                    (*household[:-1], version, rounds.at(when), reason, kind, officer_id)
                )
            for n, (person, is_merit) in enumerate(zip(people, merit, strict=True)):
                member = (
                    member_id + n, household_id, person["name"], f"{person['born']}-06-15", person["sex"],
                    person["relation"], person["national_id"], ethnic, rng.random() < 0.03, is_merit,
                    rng.random() < 0.93, person["able"],
                )  # fmt: skip
                rows["member"].append((*member, 1))
                rows["m_history"].append((*member, 1, created, "", "+", officer_id))
                if n == 0:
                    for version, y in enumerate(changed, start=2):
                        rows["m_history"].append((*member, version, rounds.at(datetime.date(y, 8, 14)), "Rà soát hằng năm", "~", officer_id))  # fmt: skip
            for y in rounds.YEARS:
                category = years[y]
                income, deprived = _inputs_for(rng, category, thresholds[y])
                rows["review"].append(rounds.review_row(household_id, round_of[y], standards[y].pk, len(people), income, deprived, category, officer_id))  # fmt: skip
                summary[y][category] = summary[y].get(category, 0) + 1
                meeting_id = meeting_of[y][neighborhood.pk]
                entry, vote = rounds.stage_rows(
                    round_of[y].pk, meeting_id, officer_id, household_id, years.get(y - 1), category, rng
                )
                if entry:
                    rows["entry"].append(entry)
                    rows["vote"].append(vote)
            household_id += 1
            member_id += len(people)
        with transaction.atomic():
            insert_rows("households_household", HOUSEHOLD_COLUMNS, rows["household"])
            insert_rows("households_member", MEMBER_COLUMNS, rows["member"])
            insert_rows("households_review", rounds.REVIEW_COLUMNS, rows["review"])
            insert_rows("households_roundhousehold", rounds.ENTRY_COLUMNS, rows["entry"])
            insert_rows("households_meetingvote", rounds.VOTE_COLUMNS, rows["vote"])
            history = HISTORY_COLUMNS
            insert_rows("households_historicalhousehold", [*HOUSEHOLD_COLUMNS, *history], rows["hh_history"])
            insert_rows(
                "households_historicalmember", [*MEMBER_COLUMNS[:-1], "version", *history], rows["m_history"]
            )
        log(f"  {min(start + chunk, households):>9,} hộ ({time.perf_counter() - started:.0f} s)")
    reset_sequences(Household, Member)
    for y, review_round in round_of.items():
        counts = {c: summary[y].get(c, 0) for c in ("poor", "near_poor", "average", "none")}
        type(review_round)._base_manager.filter(pk=review_round.pk).update(summary=counts)
    analyze("households_household", "households_member", "households_review", "households_roundhousehold",
            "households_meetingvote", "households_historicalhousehold", "households_historicalmember")  # fmt: skip
    return commune


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    commune = generate(args.households, args.seed, log=lambda line: print(line, flush=True))
    members = Member.objects.filter(household__commune=commune).count()
    print(
        f"Đã tạo {args.households:,} hộ, {members:,} nhân khẩu trong {time.perf_counter() - started:.0f} s."
    )


if __name__ == "__main__":
    main()
