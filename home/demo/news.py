"""The news index and eight articles (fictional), each with a generated illustration and tags."""

import datetime

from django.utils import timezone

from home.models import ManifestoPage, NewsIndexPage, NewsPage

from .illustrations import describe
from .images import demo_image
from .pages import call_to_action, child_page, heading, home_page, image_block, paragraph, quote

ARTICLES = [
    {
        "slug": "lancement-du-manifeste-des-1000",
        "scene": "manifeste",  # the illustration (home/demo/illustrations.py)
        "caption": "Le manifeste tient en cinq engagements, à lire en deux minutes.",
        "more": [
            "Le texte a été écrit à plusieurs mains, au fil de trois soirées en visio : développeuses, designers,"
            " experts du référencement et de l’accessibilité ont discuté chaque mot.",
            "Chaque signature est vérifiée par e-mail, puis affichée si vous le souhaitez. Le compteur avance en "
            "temps réel : nous approchons du millier.",
        ],
        "title": "Nous lançons le Manifeste des 1000",
        "days_ago": 3,
        "author": "Jeanne Exemple",
        "tags": ["Manifeste", "Communauté"],
        "intro": "Mille pros du web pour un web accessible, sobre et solidaire : le manifeste est en ligne, "
                 "et chacun peut le signer en deux minutes.",
        "paragraphs": [
            "Depuis des années, des professionnels du web donnent quelques heures de leur temps à des "
            "associations. Le manifeste met des mots sur ce qui nous rassemble.",
            "Signer ne vous engage à aucune mission : c'est affirmer que le web peut servir l'intérêt "
            "général, et nous aider à convaincre d'autres pros de nous rejoindre.",
        ],
        "quote": (
            "Nous misons sur la joie de faire ensemble.", "Une bénévole de la première heure (fictive)",
        ),
        "cta_manifesto": True,
    },
    {
        "slug": "bilan-annuel-2000-associations",
        "scene": "statistiques",
        "caption": "Les sujets les plus demandés cette année : accessibilité, collecte, données personnelles.",
        "more": [
            "Les missions courtes (moins de dix heures) représentent plus de la moitié des mises en relation : un"
            " audit, une correction, un coup de pouce ponctuel.",
            "Côté formations, les sessions en ligne du soir ont attiré de nombreuses petites associations sans "
            "salarié, dont les bénévoles travaillent en journée.",
            "L’an prochain, nous voulons mieux suivre chaque mission après la mise en relation, pour que personne"
            " ne reste sans réponse.",
        ],
        "title": "2 000 associations accompagnées cette année",
        "days_ago": 12,
        "author": "Équipe Webassoc",
        "tags": ["Bilan", "Associations"],
        "intro": "Formations, missions, mises en relation : retour en chiffres sur une année de bénévolat "
                 "complet, sans budget mais pas sans énergie.",
        "paragraphs": [
            "Les besoins des associations ont évolué : les bases du référencement ou des réseaux sociaux "
            "sont mieux maîtrisées, les demandes deviennent plus pointues.",
            "Accessibilité, collecte en ligne et protection des données arrivent en tête des sujets "
            "demandés cette année.",
        ],
    },
    {
        "slug": "accessibilite-premiers-pas",
        "scene": "accessibilite",
        "caption": "Un test au clavier suffit souvent à révéler les premiers obstacles.",
        "more": [
            "Vérifiez les contrastes de vos textes avec un outil gratuit : un gris clair sur fond blanc gêne bien"
            " plus de monde qu’on ne le croit.",
            "Donnez à chaque page un titre unique et une hiérarchie de titres logique : les personnes qui "
            "utilisent un lecteur d’écran naviguent d’abord par les titres.",
            "Enfin, publiez une déclaration d’accessibilité honnête : elle dit ce qui fonctionne, ce qui reste à "
            "faire et comment vous contacter.",
        ],
        "title": "Accessibilité : cinq premiers pas pour un site associatif",
        "days_ago": 20,
        "author": "Inès Exemple",
        "tags": ["Accessibilité", "Conseils"],
        "intro": "Contrastes, titres, textes alternatifs, formulaires, clavier : cinq vérifications simples "
                 "que toute équipe peut faire en une après-midi.",
        "paragraphs": [
            "Un site accessible est utilisable par tout le monde : personnes aveugles, malvoyantes, sourdes, "
            "ou qui naviguent au clavier. C'est aussi un site plus clair pour tous.",
            "Commencez par vérifier que chaque image porteuse d'information a un texte alternatif, et que "
            "l'on peut remplir vos formulaires sans souris.",
        ],
    },
    {
        "slug": "sobriete-numerique-sites-legers",
        "scene": "sobriete",
        "caption": "Une page d’accueil de 300 ko se charge en moins d’une seconde, même en 4G faible.",
        "more": [
            "Supprimez les carrousels et les vidéos en lecture automatique : ils pèsent lourd et sont rarement regardés.",
            "Hébergez vos polices vous-même, ou utilisez celles du système : c’est plus rapide et cela évite "
            "d’envoyer les données de vos visiteurs à un tiers.",
        ],
        "title": "Sobriété numérique : des sites plus légers, pour tout le monde",
        "days_ago": 34,
        "author": "Hugo Exemple",
        "tags": ["Sobriété", "Conseils"],
        "intro": "Moins de poids, moins de scripts, moins de données : un site sobre se charge vite, même "
                 "avec une connexion modeste, et consomme moins.",
        "paragraphs": [
            "Une image bien compressée, c'est souvent la moitié du poids d'une page gagnée. Les polices et "
            "les scripts tiers viennent ensuite.",
            "Nos bénévoles proposent des audits express : une heure d'analyse, une liste de corrections "
            "simples et priorisées.",
        ],
    },
    {
        "slug": "formation-emailing-associations",
        "scene": "emailing",
        "caption": "Une lettre d’information réussie se lit en une minute sur un téléphone.",
        "more": [
            "La formation alterne courts apports et exercices sur vos propres envois : venez avec votre dernière "
            "lettre d’information.",
            "Vous repartez avec un modèle accessible, une liste de vérifications avant envoi et des repères pour "
            "lire vos statistiques sans pister vos lecteurs.",
        ],
        "title": "Nouvelle formation : l'e-mailing pour les associations",
        "days_ago": 47,
        "author": "Équipe formations",
        "tags": ["Formations", "Associations"],
        "intro": "Une demi-journée pour construire une lettre d'information utile, lisible et conforme au "
                 "RGPD, animée par des pros bénévoles.",
        "paragraphs": [
            "Segmenter sa liste, écrire un objet qui donne envie, mesurer sans pister : la formation couvre "
            "l'essentiel, exemples à l'appui.",
            "Les sessions sont gratuites et ouvertes aux équipes salariées comme bénévoles des associations.",
        ],
    },
    {
        "slug": "portrait-benevole-seo",
        "scene": "visio",
        "caption": "Deux visios et un document partagé : la mission a tenu en huit heures.",
        "more": [
            "Les pages d’actions de l’association n’avaient pas de titre clair ni de description : en corrigeant "
            "ces bases, les visites venues des moteurs de recherche ont doublé.",
            "Louis a ensuite formé deux bénévoles de l’association à écrire pour le web. Ce sont elles qui "
            "publient aujourd’hui les nouvelles pages.",
        ],
        "title": "Portrait : quelques heures de SEO qui changent tout",
        "days_ago": 61,
        "author": "Camille Exemple",
        "tags": ["Communauté", "Portrait"],
        "intro": "Consultant en référencement, Louis (personnage fictif) a aidé une association d'aide "
                 "alimentaire à doubler ses visites en trois mois.",
        "paragraphs": [
            "Tout a commencé par un appel à compétences de trois lignes. Deux visios plus tard, l'équipe de "
            "l'association savait quoi corriger et comment.",
            "Ce qui compte, dit-il, c'est le transfert de compétences : l'association continue seule "
            "aujourd'hui.",
        ],
        "quote": ("C'est comme aider quelqu'un de son entourage.", "Louis, consultant SEO (fictif)"),
    },
    {
        "slug": "rencontre-benevoles-lyon",
        "scene": "rencontre",
        "caption": "Une quarantaine de bénévoles réunis dans un tiers-lieu du 7e arrondissement.",
        "more": [
            "Au programme : trois retours de mission de dix minutes, puis des tables par métier où les nouveaux "
            "ont pu poser toutes leurs questions.",
            "Plusieurs associations lyonnaises étaient présentes et ont décrit leurs besoins en direct : deux "
            "appels à compétences sont nés le soir même.",
        ],
        "title": "Rencontre des bénévoles à Lyon",
        "days_ago": 75,
        "author": "Équipe Webassoc",
        "tags": ["Communauté", "Événements"],
        "intro": "Une soirée pour se rencontrer, partager ses missions et accueillir les nouveaux bénévoles "
                 "de la région lyonnaise.",
        "paragraphs": [
            "Une quarantaine de pros du web se sont retrouvés autour de retours d'expérience courts et "
            "concrets.",
            "Prochaine étape : des rencontres en ligne pour celles et ceux qui vivent loin des grandes "
            "villes.",
        ],
    },
    {
        "slug": "collecte-en-ligne-bonnes-pratiques",
        "scene": "collecte",
        "caption": "Un formulaire de don en une seule page, lisible sur téléphone.",
        "more": [
            "Proposez des montants suggérés avec ce qu’ils permettent concrètement : « 30 € financent un kit "
            "d’hygiène ». Les donateurs aiment savoir à quoi sert leur don.",
            "Envoyez un reçu clair et un vrai remerciement, puis des nouvelles des actions financées : c’est la "
            "meilleure façon de fidéliser.",
        ],
        "title": "Collecte en ligne : les bonnes pratiques qui rassurent les donateurs",
        "days_ago": 90,
        "author": "Sarah Exemple",
        "tags": ["Collecte", "Conseils", "Associations"],
        "intro": "Un formulaire de don court, clair et accessible inspire confiance : nos conseils pour "
                 "le concevoir.",
        "paragraphs": [
            "Chaque champ superflu fait fuir des donateurs. Demandez le strict nécessaire, expliquez "
            "l'usage des données et affichez la déduction fiscale.",
            "Testez votre formulaire au clavier et sur mobile : c'est là que se perdent le plus de dons.",
        ],
    },
]


def body(article, image, manifesto):
    blocks = [paragraph(f"<p>{article['paragraphs'][0]}</p>")]
    blocks.append(image_block(image, article["caption"]))
    blocks.append(heading("En pratique"))
    blocks.append(paragraph("".join(f"<p>{text}</p>" for text in [article["paragraphs"][1], *article["more"]])))
    if article.get("quote"):
        blocks.append(quote(*article["quote"]))
    if article.get("cta_manifesto") and manifesto is not None:
        blocks.append(call_to_action(
            "Signez le manifeste", "Deux minutes pour rejoindre les 1 000.", manifesto, "Lire et signer",
        ))
    return blocks


def load(stdout=None):
    home = home_page()
    index, _ = child_page(
        home, NewsIndexPage, "actualites",
        title="Actualités",
        show_in_menus=True,
        intro="Les nouvelles de la communauté : missions réussies, formations, conseils et rencontres.",
        search_description="Les actualités de Webassoc, le web solidaire et bénévole.",
    )
    manifesto = ManifestoPage.objects.live().first()
    created = 0
    today = timezone.localdate()
    for number, article in enumerate(ARTICLES):
        if index.get_children().filter(slug=article["slug"]).exists():
            continue
        image = demo_image(
            f"Actualité : {article['title']}",
            describe(article["scene"]),
            seed=f"news-{number}",
            scene=article["scene"],
        )
        page = NewsPage(
            slug=article["slug"],
            title=article["title"],
            date=today - datetime.timedelta(days=article["days_ago"]),
            author=article["author"],
            intro=article["intro"],
            listing_image=image,
            body=body(article, image, manifesto),
        )
        page.tags.add(*article["tags"])
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if stdout:
        stdout.write(f"  actualités : {index.get_children().count()} articles ({created} ajoutés)")
