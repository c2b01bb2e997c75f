"""Session times read the French way: "9 h", "9 h 30" (no leading zero, no ":00"), with no-break
spaces (U+00A0, as webassoc.typography) so that a time never wraps in the middle."""

from datetime import datetime

import pytest
from django.core import mail
from django.utils import timezone

from courses import services
from courses.formatting import session_dates, session_label
from webassoc.typography import french_time

from .factories import TrainingSessionPageFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def paris(*args):
    return timezone.make_aware(datetime(*args))


def test_whole_hours_read_9_h_and_others_9_h_30():
    assert french_time(paris(2027, 3, 9, 9, 0)) == f"9{NBSP}h"
    assert french_time(paris(2027, 3, 9, 9, 30)) == f"9{NBSP}h{NBSP}30"
    assert french_time(paris(2027, 3, 9, 14, 5)) == f"14{NBSP}h{NBSP}05"
    assert french_time(paris(2027, 3, 9, 0, 0)) == f"0{NBSP}h"


def test_a_session_on_one_day_shows_the_day_then_its_times_that_never_wrap():
    session = TrainingSessionPageFactory.build(start=paris(2027, 3, 9, 9, 0), end=paris(2027, 3, 9, 12, 30))

    # A word joiner after the dash: browsers may break after a dash, even before a no-break space.
    assert session_dates(session) == f"mardi 9 mars 2027, 9{NBSP}h{NBSP}–\u2060{NBSP}12{NBSP}h{NBSP}30"


def test_the_admin_names_a_session_with_its_day_and_the_french_time():
    """Columns, filters, a registration's name and exports: « course – 09/03/2027 à 9 h 30 – place »."""
    on_site = TrainingSessionPageFactory.build(start=paris(2027, 3, 9, 9, 30), mode="sur_place",
                                               venue="", address="12 rue Mercière\n69002 Lyon")
    online = TrainingSessionPageFactory.build(start=paris(2027, 3, 9, 14, 0), mode="a_distance")

    assert session_label(on_site, "Atelier SEO") == f"Atelier SEO – 09/03/2027 à 9{NBSP}h{NBSP}30 – 12 rue Mercière"
    assert session_label(online, "Canva") == f"Canva – 09/03/2027 à 14{NBSP}h – En ligne"


def test_a_session_over_two_days_shows_both_days_with_their_times():
    session = TrainingSessionPageFactory.build(start=paris(2027, 3, 9, 9, 30), end=paris(2027, 3, 10, 17, 0))

    assert session_dates(session) == f"du mardi 9 mars 2027, 9{NBSP}h{NBSP}30 au mercredi 10 mars 2027, 17{NBSP}h"


def test_the_session_page_and_the_confirmation_email_use_the_french_times():
    session = TrainingSessionPageFactory(start=paris(2027, 3, 9, 9, 0), end=paris(2027, 3, 9, 12, 30))
    mail.outbox.clear()

    services.register(session, association_name="Les Jardins Partagés", contact_name="Camille Martin",
                      email="camille@jardins.example.org")

    assert f"9{NBSP}h{NBSP}–\u2060{NBSP}12{NBSP}h{NBSP}30" in mail.outbox[0].body
    assert "09" not in mail.outbox[0].body.split("Date")[1].splitlines()[0]
