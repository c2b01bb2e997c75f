"""Time of `purge_personal_data`: a first purge of many expired records, then a nightly one.

Runs on a throwaway test database (SQLite by default, or PostgreSQL when DATABASE_URL is set: a
`test_…` database is created then dropped), with the test settings.

    .venv/bin/python -m bench.purge [--records 2000] [--emails 5000]

`--records` expired applications (each with an admin log entry) and as many expired signatures;
`--emails` stored emails of the last 30 days (kept: they are recent), which every anonymised
record's addresses are searched in. Prints figures; asserts nothing about time.
"""

import argparse
import time
from datetime import timedelta

from bench.harness import setup_django, throwaway_database


def load(records, emails):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from home.models import Signature
    from missions.models import Application
    from outbox.enums import EmailStatus
    from outbox.models import Email
    from tests.home.factories import ManifestoPageFactory
    from tests.missions.factories import MissionFactory

    long_ago = timezone.now() - timedelta(days=800)
    mission, manifesto = MissionFactory(), ManifestoPageFactory()
    Application.objects.bulk_create(
        Application(mission=mission, name=f"Bénévole {n}", email=f"benevole{n}@exemple.org", message="Bonjour",
                    created_at=long_ago)
        for n in range(records)
    )
    Signature.objects.bulk_create(
        Signature(page=manifesto, first_name=f"Prénom{n}", last_name="Nom", email=f"signataire{n}@exemple.org",
                  profession="Développeuse", created_at=long_ago, confirmed_at=long_ago)
        for n in range(records)
    )
    content_type = ContentType.objects.get_for_model(Application)
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(content_type=content_type, object_id=str(pk), label=f"Bénévole {pk} – Mission",
                      action="wagtail.edit", timestamp=long_ago)
        for pk in Application.objects.values_list("pk", flat=True)
    )
    now = timezone.now()
    Email.objects.bulk_create(
        Email(to=[f"recent{n}@exemple.org"], subject="Votre inscription", body_text="Bonjour " * 100,
              body_html="<p>Bonjour</p>" * 100, status=EmailStatus.SENT, sent_at=now - timedelta(days=n % 29))
        for n in range(emails)
    )


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--emails", type=int, default=5000)
    args = parser.parse_args()

    setup_django()
    from django.db import connection

    with throwaway_database():
        from webassoc.privacy import purge

        load(args.records, args.emails)
        planned, dry = timed(lambda: purge(dry_run=True))
        done, first = timed(purge)
        again, nightly = timed(purge)
        total = sum(count for label, count in done.items() if not label.startswith("e-mails"))
        print(f"Purge des données personnelles ({connection.vendor}) : {args.records} candidatures et "
              f"{args.records} signatures expirées, {args.emails} e-mails récents")
        print(f"  simulation : {dry:.1f} s ({planned['candidatures aux missions']} + "
              f"{planned['signatures du manifeste']} à anonymiser)")
        print(f"  première purge : {first:.1f} s, {total} anonymisées, {total / first:.0f} par seconde")
        print(f"  purge suivante (rien à faire) : {nightly * 1000:.0f} ms")
        assert planned == done and not any(again.values())


if __name__ == "__main__":
    main()
