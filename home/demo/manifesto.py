"""The "Manifeste des 1000" (a text written for the demo) and ~40 confirmed, fictional signatures."""

import datetime
import random

from django.db.models import Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.text import slugify

from home.models import ManifestoPage, Signature

from .pages import child_page, heading, home_page, paragraph, quote

FIRST_NAMES = [
    "Camille", "Louis", "Inès", "Hugo", "Léa", "Nathan", "Chloé", "Karim", "Manon", "Théo", "Sarah",
    "Yanis", "Julie", "Mathis", "Aïcha", "Paul", "Lucie", "Malik", "Emma", "Antoine",
]
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
]
# The first names above that the demo gives a feminine job title ("Développeuse web").
FEMININE = {"Camille", "Inès", "Léa", "Chloé", "Manon", "Sarah", "Julie", "Aïcha", "Lucie", "Emma"}
# Each job title in the feminine, then the masculine: a signatory's title agrees with their first name.
PROFESSIONS = [
    ("Développeuse web", "Développeur web"), ("UX designer", "UX designer"), ("Consultante SEO", "Consultant SEO"),
    ("Cheffe de projet digital", "Chef de projet digital"), ("Experte accessibilité", "Expert accessibilité"),
    ("Community manager", "Community manager"), ("Data analyst", "Data analyst"),
    ("Intégratrice web", "Intégrateur web"), ("Rédactrice web", "Rédacteur web"),
    ("Responsable campagnes e-mail", "Responsable campagnes e-mail"), ("Vidéaste", "Vidéaste"),
    ("Consultante en stratégie numérique", "Consultant en stratégie numérique"),
]
ORGANISATIONS = [
    "", "", "", "Agence Colibri", "Studio Tilleul", "Travail indépendant", "Coopérative Les Octets", "Freelance",
    "Atelier Pixel Vert",
]
CITIES = ["Paris", "Lyon", "Nantes", "Lille", "Marseille", "Bordeaux", "Toulouse", "Rennes", "Strasbourg", ""]

# Addresses on a domain reserved for examples (RFC 2606), never delivered; the first demo used
# exemple.org, a real domain: those addresses are moved.
DEMO_DOMAIN = "example.org"
OLD_DEMO_ADDRESS = r"^[a-z-]+\.[a-z-]+\.[0-9]+@exemple\.org$"

# Near its goal of 1 000, as the real manifesto (a "Manifeste des 1000" at 4 % tells the wrong story).
DEMO_SIGNATURES = 952


def manifesto_body():
    return [
        paragraph(
            "<p>Nous sommes développeuses et développeurs, designers, rédactrices, experts du référencement, "
            "de l'accessibilité, des données et des réseaux sociaux. Le web est notre métier. Nous savons "
            "qu'il peut changer les choses, et nous voulons qu'il serve d'abord celles et ceux qui agissent "
            "pour l'intérêt général.</p>"
        ),
        heading("Parce que les associations méritent le meilleur du web"),
        paragraph(
            "<p>Chaque jour, des milliers d'associations humanitaires, de solidarité et d'environnement "
            "accompagnent, soignent, protègent. Elles font un travail formidable sur le terrain, mais elles "
            "ont rarement les moyens de s'offrir un site rapide, un référencement soigné ou une campagne "
            "d'e-mails efficace. Nous avons ces compétences : partageons-les.</p>"
        ),
        heading("Nos engagements"),
        paragraph(
            "<ol>"
            "<li><b>Donner un peu de notre temps.</b> Quelques heures par an, à distance le plus souvent, au "
            "rythme de nos contraintes : chaque mission compte, même courte.</li>"
            "<li><b>Construire un web accessible.</b> Un site que tout le monde peut utiliser, quels que "
            "soient son handicap, son âge ou son équipement, c'est un site qui n'exclut personne.</li>"
            "<li><b>Choisir la sobriété.</b> Des pages légères, des outils libres quand c'est possible, des "
            "données limitées au nécessaire : un web plus respectueux de la planète et des personnes.</li>"
            "<li><b>Transmettre plutôt que faire à la place.</b> Former les équipes associatives pour "
            "qu'elles gagnent en autonomie, bien après notre intervention.</li>"
            "<li><b>Respecter l'engagement de chacun.</b> Entre bénévoles et associations, la bienveillance, "
            "la clarté et la confiance priment ; Webassoc reste tiers de confiance.</li>"
            "</ol>"
        ),
        quote(
            "Notre monde s'habitue trop à l'inacceptable. Nous avons les moyens d'agir avec nos "
            "compétences : participons !",
            "L'équipe de coordination de Webassoc",
        ),
        heading("1\u00a0000 pros du web, et vous\u00a0?"),  # no line break before "?"
        paragraph(
            "<p>Notre objectif : réunir 1 000 professionnelles et professionnels du web autour de ces "
            "valeurs. Signer le manifeste ne vous engage à aucune mission : c'est dire que vous partagez "
            "cette vision, et nous aider à la faire connaître.</p>"
        ),
    ]


def load(stdout=None):
    home = home_page()
    page, _ = child_page(
        home, ManifestoPage, "manifeste",
        title="Manifeste des 1000",
        show_in_menus=True,
        intro=(
            "Mille professionnels du web bénévoles s'engagent pour des associations plus fortes sur "
            "internet : un web accessible, sobre et solidaire."
        ),
        search_description="Signez le Manifeste des 1000 pros du web solidaires et bénévoles.",
        body=manifesto_body(),
    )
    page.signatures.filter(email__regex=OLD_DEMO_ADDRESS).update(
        email=Replace("email", Value("@exemple.org"), Value(f"@{DEMO_DOMAIN}")),
    )
    created = 0
    if not page.signatures.exists():
        rng = random.Random(1000)
        now = timezone.now()
        signatures = []
        for number in range(DEMO_SIGNATURES):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            signed = now - datetime.timedelta(days=rng.randint(1, 120), minutes=rng.randint(0, 600))
            signatures.append(Signature(
                page=page,
                first_name=first,
                last_name=last,
                email=f"{slugify(first)}.{slugify(last)}.{number}@{DEMO_DOMAIN}",
                profession=rng.choice(PROFESSIONS)[0 if first in FEMININE else 1],
                organisation=rng.choice(ORGANISATIONS),
                city=rng.choice(CITIES),
                show_publicly=rng.random() < 0.85,
                consent=True,
                created_at=signed,
                confirmed_at=signed + datetime.timedelta(minutes=rng.randint(2, 300)),
            ))
        created = len(Signature.objects.bulk_create(signatures, batch_size=500))
    if stdout:
        stdout.write(f"  manifeste : {page.signatures.count()} signatures ({created} ajoutées)")
