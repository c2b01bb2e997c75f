"""The demo's associations and missions: fictional, written as the associations would describe them.

Each mission's description is built from three parts (missions/demo/__init__.py:description):
the association's context, what is expected (a list), and the practical side (tools, how long, how
many volunteers: "un ou une bénévole", "deux bénévoles" or "trois bénévoles", as `wanted` says).
Hours put each open mission in one of the time-commitment filters (missions/enums.py:
COMMITMENT_HOURS, ≤ 10 h, 11–35 h, ≥ 36 h); every one of them has open missions.
"""

from webassoc.enums import Format

from ..enums import Cause, MissionStatus

OPEN, FILLED, CLOSED = MissionStatus.OPEN, MissionStatus.FILLED, MissionStatus.CLOSED
REMOTE, ON_SITE, HYBRID = Format.REMOTE, Format.ON_SITE, Format.HYBRID
SOLIDARITY, HUMANITARIAN, ENVIRONMENT, OTHER = Cause.SOLIDARITY, Cause.HUMANITARIAN, Cause.ENVIRONMENT, Cause.OTHER

# name, cause, city, description (shown under "À propos de…" on its missions), contact (never public)
ASSOCIATIONS = [
    ("Les Pousses Solidaires", SOLIDARITY, "Lyon",
     "Six jardins partagés et une épicerie solidaire dans les 7e et 8e arrondissements de Lyon, "
     "animés par deux salariées et une quarantaine de bénévoles.", "Martine Roussel"),
    ("Secours des Collines", HUMANITARIAN, "Grenoble",
     "Aide d'urgence aux familles sinistrées de l'Isère : hébergement, vêtements, démarches "
     "après une inondation ou un incendie.", "Bruno Fayolle"),
    ("Mer Propre Ensemble", ENVIRONMENT, "Brest",
     "Ramassages de déchets sur les plages du Finistère et interventions dans les écoles sur le "
     "trajet des déchets jusqu'à la mer.", "Gwenaëlle Le Bihan"),
    ("Lire pour Grandir", SOLIDARITY, "Lille",
     "Soutien scolaire et ateliers de lecture pour les enfants de quatre quartiers de Lille et de "
     "Roubaix.", "Rachid Amrani"),
    ("Remèdes Partagés", HUMANITARIAN, "Paris",
     "Collecte de médicaments non utilisés auprès de pharmacies partenaires, triés à Paris et "
     "acheminés vers des dispensaires isolés au Niger et à Madagascar.", "Françoise Delmas"),
    ("Forêts Vivantes", ENVIRONMENT, "Nancy",
     "Replantation des forêts lorraines abîmées par la sécheresse, avec des bénévoles et des "
     "écoles, et protection des forêts locales.", "Étienne Marchal"),
    ("Toit pour Tous 33", SOLIDARITY, "Bordeaux",
     "Hébergement d'urgence de personnes sans abri en Gironde et accompagnement vers un logement "
     "durable.", "Sophie Lacoste"),
    ("Eau Claire International", HUMANITARIAN, "Marseille",
     "Puits et points d'eau potable construits avec des associations villageoises au Burkina Faso "
     "et au Mali.", "Moussa Traoré"),
    ("Vélo Partage Solidaire", ENVIRONMENT, "Nantes",
     "Trois ateliers où l'on répare des vélos, en donne à des personnes en insertion et apprend à "
     "chacun à entretenir le sien.", "Quentin Guérin"),
    ("Les Petites Mains du Cœur", SOLIDARITY, "Toulouse",
     "Atelier de couture solidaire : des femmes éloignées de l'emploi s'y forment en confectionnant "
     "des vêtements pour des familles hébergées.", "Nathalie Cabrol"),
    ("Abeilles d'Ici", ENVIRONMENT, "Rennes",
     "Protection des pollinisateurs sauvages autour de Rennes : prairies fleuries, hôtels à insectes, "
     "ruchers pédagogiques et animations dans les écoles.", "Yann Le Gall"),
    ("Radio Ouverte", OTHER, "Montpellier",
     "Radio associative montpelliéraine : une vingtaine d'émissions faites par des bénévoles, et des "
     "ateliers d'éducation aux médias dans les collèges.", "Léna Vidal"),
]

# The names and descriptions of the first version of the demo, updated where still unchanged.
OLD_ASSOCIATION_NAMES = {"Pharmacie Sans Frontière Fictive": "Remèdes Partagés"}
OLD_ASSOCIATION_DESCRIPTIONS = {
    "Jardins partagés et aide alimentaire de quartier.", "Aide d'urgence aux familles sinistrées.",
    "Nettoyage des plages et sensibilisation.", "Soutien scolaire et ateliers de lecture.",
    "Médicaments pour les dispensaires isolés.", "Replantation et protection des forêts locales.",
    "Hébergement d'urgence et accompagnement.", "Puits et accès à l'eau potable.",
    "Ateliers de réparation de vélos.", "Couture solidaire et insertion.", "Protection des pollinisateurs.",
    "Radio associative et éducation aux médias.",
}
OLD_CONTACT_NAME = "Contact (fictif)"

# days_left: days from the loading day to the application deadline (None: no deadline).
MISSIONS = [
    {
        "title": "Refonte de la stratégie numérique",
        "association": "Les Pousses Solidaires", "skills": ["strategie"],
        "format": REMOTE, "hours": 36, "days_left": 40, "status": OPEN, "wanted": 1,
        "summary": "Site, réseaux sociaux, lettre d'information : les outils se sont empilés sans plan "
                   "d'ensemble. Aidez l'équipe à choisir ses priorités pour les deux années à venir.",
        "context": "Les Pousses Solidaires font vivre un site WordPress, une page Facebook, un compte Instagram "
                   "et une lettre d'information, chacun à sa façon. Beaucoup d'énergie dépensée, et des familles "
                   "du quartier qui ne savent toujours pas quand ouvre l'épicerie solidaire.",
        "expected": [
            "un état des lieux des outils existants et de ce qu'ils apportent vraiment",
            "deux ateliers avec l'équipe pour définir les publics prioritaires et les messages",
            "une feuille de route sur deux ans, tenable par une équipe surtout bénévole",
            "un calendrier éditorial pour les trois premiers mois",
        ],
        "practical": "Environ 36 heures, trois par semaine pendant trois mois, en visio le soir (l'équipe bénévole travaille "
                     "en journée) ; les documents sont partagés sur un Drive. Nous cherchons un ou une bénévole "
                     "qui a déjà accompagné une petite structure, en agence ou en indépendant.",
    },
    {
        "title": "Audit d'accessibilité du site",
        "association": "Secours des Collines", "skills": ["accessibilite"],
        "format": REMOTE, "hours": 12, "days_left": 30, "status": OPEN, "wanted": 2,
        "summary": "Des familles sinistrées remplissent chaque semaine notre formulaire de demande d'aide, "
                   "parfois sur un vieux téléphone ou avec un lecteur d'écran. Nous voulons savoir ce qui les "
                   "bloque.",
        "context": "Notre site, refait en 2021 par un prestataire, n'a jamais été testé pour l'accessibilité. "
                   "Plusieurs personnes âgées nous ont dit ne pas réussir à envoyer le formulaire de demande "
                   "d'aide, qui est pourtant la porte d'entrée de l'association.",
        "expected": [
            "un audit des cinq pages les plus visitées et du formulaire, sur la base du RGAA",
            "la liste des problèmes classés par gravité, avec la correction à apporter",
            "une restitution d'une heure en visio à notre webmestre bénévole, qui fera les corrections",
        ],
        "practical": "Environ 12 heures, à faire dans le mois. Le site est sous WordPress avec un thème du "
                     "commerce. Nous cherchons deux bénévoles : un ou une spécialiste de l'accessibilité et, "
                     "idéalement, une personne qui utilise elle-même un lecteur d'écran au quotidien.",
    },
    {
        "title": "Mise en place d'un suivi d'audience respectueux",
        "association": "Mer Propre Ensemble", "skills": ["analytics"],
        "format": REMOTE, "hours": 8, "days_left": 25, "status": OPEN, "wanted": 3,
        "summary": "Quitter Google Analytics pour un outil sans bandeau de cookies, et apprendre à lire les "
                   "trois ou quatre chiffres qui aident à remplir nos ramassages de plage.",
        "context": "Chaque printemps, Mer Propre Ensemble organise une cinquantaine de ramassages sur les plages "
                   "du Finistère, et les inscriptions passent par le site. Google Analytics y est installé mais "
                   "personne ne le regarde, et le bandeau de cookies fait fuir les visiteurs.",
        "expected": [
            "le choix d'un outil de mesure sobre (Matomo, Plausible ou équivalent) adapté à un budget nul",
            "son installation et le retrait de l'ancien suivi",
            "un tableau de bord de quatre indicateurs et une heure de prise en main avec l'équipe",
        ],
        "practical": "Une mission courte, 8 heures environ, à distance. Nous cherchons trois bénévoles qui se "
                     "répartiront le travail : le choix de l'outil et le RGPD, l'installation technique, le "
                     "tableau de bord.",
    },
    {
        "title": "Campagne de collecte de fin d'année",
        "association": "Lire pour Grandir", "skills": ["collecte", "emailing"],
        "format": HYBRID, "hours": 40, "days_left": 45, "status": OPEN, "wanted": 1,
        "summary": "Financer 300 sacs de livres pour les enfants que nous accompagnons : préparez et menez avec "
                   "nous la campagne de dons de décembre, du premier e-mail au bilan.",
        "context": "La collecte de fin d'année finance les livres offerts aux enfants de nos ateliers. L'an "
                   "dernier, un seul e-mail envoyé le 28 décembre a rapporté 2 400 €. Cette année, l'équipe veut "
                   "s'y prendre tôt, raconter l'histoire des enfants et remercier vraiment les donateurs.",
        "expected": [
            "un plan de campagne de novembre à janvier : messages, calendrier, publics",
            "quatre e-mails écrits avec l'équipe et mis en forme dans Brevo",
            "une page de don mise à jour sur HelloAsso",
            "un bilan chiffré en janvier, pour préparer l'année suivante",
        ],
        "practical": "Une mission au long cours : une quarantaine d'heures sur dix semaines, avec une réunion de "
                     "lancement dans nos locaux de Lille-Moulins, le reste à distance. Nous cherchons un ou une "
                     "bénévole qui a déjà mené une campagne de collecte, en association ou en agence.",
    },
    {
        "title": "Lettre d'information mensuelle",
        "association": "Remèdes Partagés", "skills": ["emailing"],
        "format": REMOTE, "hours": 6, "days_left": 20, "status": OPEN, "wanted": 2,
        "summary": "Nos donateurs nous demandent des nouvelles des dispensaires que nous approvisionnons. Nous "
                   "voulons leur écrire chaque mois, sans y passer nos soirées.",
        "context": "Nos 1 800 donateurs reçoivent aujourd'hui un seul e-mail par an. Les bénévoles sur place, au "
                   "Niger et à Madagascar, envoient pourtant des photos et des nouvelles chaque semaine : il "
                   "manque un format simple pour les partager.",
        "expected": [
            "un modèle de lettre dans l'outil gratuit que nous utilisons déjà (Brevo)",
            "une trame de rubriques fixes, pour écrire chaque lettre en moins d'une heure",
            "la première lettre, écrite à quatre mains avec notre chargée de communication bénévole",
        ],
        "practical": "Environ 6 heures, à distance, sur deux ou trois semaines. Nous cherchons deux bénévoles : "
                     "l'un ou l'une pour le modèle et sa mise en forme, l'autre pour l'écriture et le ton.",
    },
    {
        "title": "Migration du site vers un nouvel hébergeur",
        "association": "Forêts Vivantes", "skills": ["webmastering"],
        "format": REMOTE, "hours": 15, "days_left": 35, "status": OPEN, "wanted": 3,
        "summary": "Notre hébergeur arrête son offre associative au printemps : le site WordPress et les "
                   "adresses e-mail de Forêts Vivantes doivent déménager sans rien perdre.",
        "context": "Le site et les six boîtes e-mail de l'association sont chez un petit hébergeur qui ferme son "
                   "offre gratuite pour les associations. Personne dans l'équipe actuelle ne sait où sont les "
                   "accès au nom de domaine, créé par un ancien président.",
        "expected": [
            "retrouver et sécuriser les accès : nom de domaine, hébergement, administration du site",
            "choisir un nouvel hébergeur à petit prix, si possible engagé",
            "migrer le site, sa base de données et les boîtes e-mail",
            "documenter le tout en deux pages, pour la prochaine fois",
        ],
        "practical": "Environ 15 heures sur un mois, à distance. Nous cherchons trois bénévoles : une personne à "
                     "l'aise avec WordPress et les bases de données, une autre avec les DNS et la messagerie, "
                     "une troisième pour vérifier le site page par page après la bascule.",
    },
    {
        "title": "Animation des réseaux sociaux pendant un mois",
        "association": "Toit pour Tous 33", "skills": ["medias-sociaux"],
        "format": REMOTE, "hours": 10, "days_left": 18, "status": OPEN, "wanted": 1,
        "summary": "Pendant le grand froid, nous cherchons des hébergeurs solidaires et des dons de duvets. "
                   "Aidez-nous à porter cet appel sur Facebook et Instagram pendant quatre semaines.",
        "context": "En janvier, les demandes d'hébergement d'urgence explosent en Gironde. Notre chargé de "
                   "communication est en congé parental : les comptes de l'association risquent de rester muets "
                   "au pire moment.",
        "expected": [
            "un calendrier de publications sur quatre semaines, préparé avec l'équipe",
            "des visuels simples réalisés avec Canva, à partir de nos photos",
            "les réponses aux messages courants, avec des réponses types validées par l'équipe",
        ],
        "practical": "Environ 10 heures sur un mois, soit deux ou trois heures par semaine, à distance. Nous "
                     "cherchons un ou une bénévole disponible en janvier, qui passera ensuite le relais avec un "
                     "petit guide.",
    },
    {
        "title": "Améliorer le référencement des pages d'actions",
        "association": "Eau Claire International", "skills": ["referencement"],
        "format": REMOTE, "hours": 10, "days_left": 28, "status": OPEN, "wanted": 2,
        "summary": "Chaque puits que nous finançons a sa page, avec photos et suivi des travaux, mais personne ne "
                   "les trouve sur les moteurs de recherche, pas même en tapant le nom du village.",
        "context": "Les pages de projets sont celles que nos partenaires et nos donateurs devraient lire en "
                   "premier. Elles ont été ajoutées au fil des ans sans titres clairs ni descriptions, et ne sont "
                   "reliées entre elles que par une liste en bas de page.",
        "expected": [
            "une analyse des douze pages de projets : titres, descriptions, structure, liens internes",
            "des recommandations concrètes, que notre webmestre bénévole appliquera",
            "un modèle de page à suivre pour les prochains projets",
        ],
        "practical": "Une dizaine d'heures sur un mois, à distance ; le site tourne sous Drupal. Nous cherchons "
                     "deux bénévoles spécialistes du référencement naturel, qui pourront se relire l'un l'autre.",
    },
    {
        "title": "Tournage d'une vidéo de présentation",
        "association": "Vélo Partage Solidaire", "skills": ["video"],
        "format": ON_SITE, "hours": 16, "days_left": 50, "status": OPEN, "wanted": 3,
        "summary": "Deux minutes d'images pour montrer nos ateliers de réparation à Nantes, aux collectivités "
                   "et fondations qui nous soutiennent comme aux futurs bénévoles.",
        "context": "Trois ateliers ouverts chaque semaine, des centaines de vélos remis en circulation, et pas une "
                   "image animée pour le raconter. Nos partenaires nous demandent une vidéo pour leurs propres "
                   "rapports et réseaux.",
        "expected": [
            "une demi-journée de préparation : message, personnes à filmer, plan de tournage",
            "une journée de tournage dans notre atelier de l'île de Nantes",
            "le montage d'une vidéo de deux minutes, sous-titrée, et d'une version courte pour les réseaux",
        ],
        "practical": "Environ 16 heures, dont une journée sur place à Nantes (un samedi de préférence, quand "
                     "l'atelier est plein). Nous cherchons trois bénévoles : un ou une vidéaste, une personne "
                     "pour le son et une pour le montage. Nous n'avons pas de matériel à prêter.",
    },
    {
        "title": "Formulaire de don accessible",
        "association": "Les Petites Mains du Cœur", "skills": ["accessibilite", "collecte"],
        "format": REMOTE, "hours": 14, "days_left": 33, "status": OPEN, "wanted": 1,
        "summary": "Notre formulaire de don ne se remplit pas au clavier et se lit mal sur téléphone. Aidez-nous "
                   "à le rendre simple et utilisable par tous nos soutiens.",
        "context": "Une donatrice malvoyante nous a écrit qu'elle n'arrivait pas à faire son don en ligne. En "
                   "vérifiant, nous avons découvert que le formulaire était inutilisable sans souris et que ses "
                   "messages d'erreur n'étaient lus par aucun lecteur d'écran.",
        "expected": [
            "un diagnostic du formulaire : clavier, lecteur d'écran, contrastes, messages d'erreur",
            "un formulaire corrigé ou refait, en gardant notre plateforme de paiement",
            "un test avec au moins une personne qui utilise un lecteur d'écran",
        ],
        "practical": "Environ 14 heures sur cinq semaines, à distance. Le site est sous WordPress avec "
                     "l'extension GiveWP. Nous cherchons un ou une bénévole qui connaît l'accessibilité des "
                     "formulaires et le développement WordPress.",
    },
    {
        "title": "Tableau de bord des dons",
        "association": "Abeilles d'Ici", "skills": ["analytics", "collecte"],
        "format": REMOTE, "hours": 12, "days_left": 40, "status": OPEN, "wanted": 2,
        "summary": "Parrainages de ruches, dons ponctuels, adhésions : nos chiffres sont éparpillés dans trois "
                   "tableurs. Nous voulons un tableau de bord que le bureau lise en cinq minutes.",
        "context": "Nos ressources viennent des parrainages de ruches, des dons et des adhésions, enregistrés dans "
                   "HelloAsso et dans des tableurs tenus par trois trésoriers successifs. Impossible de dire "
                   "aujourd'hui quelle campagne a le mieux marché.",
        "expected": [
            "un fichier unique et propre, alimenté chaque mois par les exports HelloAsso",
            "un tableau de bord (Looker Studio ou un simple tableur) : montants par mois, par type de "
            "soutien et par campagne",
            "une notice d'une page pour le mettre à jour",
        ],
        "practical": "Environ 12 heures sur six semaines, à distance. Nous cherchons deux bénévoles : une personne "
                     "à l'aise avec les données et les tableurs, une autre pour la mise en forme du tableau de "
                     "bord.",
    },
    {
        "title": "Stratégie de contenus pour les réseaux",
        "association": "Radio Ouverte", "skills": ["strategie", "medias-sociaux"],
        "format": HYBRID, "hours": 18, "days_left": 60, "status": OPEN, "wanted": 3,
        "summary": "Nous produisons chaque semaine des heures d'émissions que presque personne ne réécoute. "
                   "Aidez-nous à les faire vivre sur les réseaux, extraits et podcasts compris.",
        "context": "Une vingtaine de bénévoles font des émissions de qualité : reportages de quartier, débats, "
                   "musiques du monde. Nos comptes Instagram et Mastodon se contentent pourtant d'annoncer la "
                   "grille des programmes.",
        "expected": [
            "un atelier de deux heures dans nos studios avec les animateurs et animatrices",
            "une ligne éditoriale par réseau : quoi publier, sous quelle forme, à quel rythme",
            "des gabarits réutilisables pour les extraits audio et vidéo",
            "un calendrier type pour une semaine d'antenne",
        ],
        "practical": "Environ 18 heures sur deux mois : un atelier sur place à Montpellier, le reste à distance. "
                     "Nous cherchons trois bénévoles aux profils complémentaires : stratégie de contenus, réseaux "
                     "sociaux, montage de courtes vidéos.",
    },
    {
        "title": "Refonte des modèles d'e-mails",
        "association": "Les Pousses Solidaires", "skills": ["emailing", "accessibilite"],
        "format": REMOTE, "hours": 9, "days_left": 22, "status": OPEN, "wanted": 1,
        "summary": "Les e-mails que reçoivent nos bénévoles et les familles de l'épicerie solidaire sont "
                   "illisibles sur téléphone. Trois modèles clairs et accessibles y suffiraient.",
        "context": "Nous envoyons l'appel hebdomadaire aux bénévoles des distributions, la lettre mensuelle aux "
                   "adhérents et les messages aux familles inscrites à l'épicerie. Ces modèles ont été bricolés "
                   "au fil des ans, et plusieurs familles n'arrivent pas à les lire.",
        "expected": [
            "trois modèles adaptés aux téléphones dans Brevo, avec des contrastes suffisants et des textes "
            "alternatifs",
            "une version texte lisible de chaque modèle",
            "une demi-heure de prise en main avec les deux personnes qui envoient les e-mails",
        ],
        "practical": "Environ 9 heures sur trois semaines, à distance. Nous cherchons un ou une bénévole qui "
                     "connaît l'e-mailing et les bases de l'accessibilité.",
    },
    {
        "title": "Maintenance WordPress trimestrielle",
        "association": "Secours des Collines", "skills": ["webmastering"],
        "format": REMOTE, "hours": 6, "days_left": None, "status": OPEN, "wanted": 2,
        "summary": "Mises à jour, sauvegardes, test du formulaire d'aide : une heure ou deux par trimestre pour "
                   "que notre site reste debout quand les familles en ont besoin.",
        "context": "Notre site est le premier contact des familles sinistrées avec l'association : quand il "
                   "tombe, les demandes d'aide n'arrivent plus. Il a été piraté l'an dernier faute de mises à "
                   "jour, et personne dans l'équipe ne sait s'en charger.",
        "expected": [
            "une vérification de l'état du site et des sauvegardes au démarrage",
            "chaque trimestre : mises à jour de WordPress et des extensions, test du formulaire de demande "
            "d'aide, contrôle des sauvegardes",
            "un court compte rendu après chaque passage",
        ],
        "practical": "Environ 6 heures par an, à distance, sans date limite : la mission reste ouverte jusqu'à ce "
                     "que nous ayons trouvé la bonne équipe. Nous cherchons deux bénévoles, pour pouvoir se "
                     "relayer pendant les vacances.",
    },
    {
        "title": "Sous-titrage de vidéos de sensibilisation",
        "association": "Mer Propre Ensemble", "skills": ["video", "accessibilite"],
        "format": REMOTE, "hours": 8, "days_left": 30, "status": OPEN, "wanted": 3,
        "summary": "Nos six vidéos sur les déchets marins sont projetées en classe et publiées en ligne, sans "
                   "sous-titres. Rendons-les accessibles aux élèves sourds et malentendants.",
        "context": "Ces vidéos de trois à cinq minutes suivent le trajet d'un déchet, du caniveau jusqu'à la mer. "
                   "Lors de nos interventions dans les écoles, plusieurs élèves malentendants n'ont pas accès au "
                   "commentaire.",
        "expected": [
            "des sous-titres relus, au format SRT, pour les six vidéos",
            "leur mise en ligne sur YouTube et sur PeerTube",
            "une transcription de chaque vidéo, à publier sur le site",
        ],
        "practical": "Environ 8 heures, à distance. Nous cherchons trois bénévoles qui se partageront les vidéos : "
                     "une bonne orthographe et de la minutie comptent plus qu'un logiciel particulier (Subtitle "
                     "Edit ou Aegisub conviennent).",
    },
    {
        "title": "Audit SEO et plan d'action",
        "association": "Lire pour Grandir", "skills": ["referencement", "analytics"],
        "format": REMOTE, "hours": 12, "days_left": 26, "status": OPEN, "wanted": 1,
        "summary": "Les parents qui cherchent un soutien scolaire gratuit à Lille ne nous trouvent pas. Un audit "
                   "de référencement et un plan d'action priorisé nous aideraient à y remédier.",
        "context": "Nous avons ouvert deux nouveaux lieux d'accompagnement cette année, mais les inscriptions "
                   "viennent surtout du bouche-à-oreille. Sur « soutien scolaire gratuit Lille », notre site "
                   "n'apparaît qu'en troisième page.",
        "expected": [
            "un audit technique et éditorial du site, une vingtaine de pages",
            "une liste de mots-clés tirée de vraies recherches de parents",
            "un plan d'action sur six mois, classé par effort et par impact, que nos bénévoles suivront seuls",
        ],
        "practical": "Environ 12 heures sur un mois, à distance ; nous donnons accès à la Search Console. Nous "
                     "cherchons un ou une bénévole expérimenté en référencement naturel.",
    },
    {
        "title": "Atelier réseaux sociaux pour les bénévoles",
        "association": "Remèdes Partagés", "skills": ["medias-sociaux"],
        "format": ON_SITE, "hours": 4, "days_left": 15, "status": OPEN, "wanted": 2,
        "summary": "Une soirée pour que nos bénévoles relaient nos actions sur leurs propres réseaux, sans jamais "
                   "exposer une ordonnance ni un patient.",
        "context": "Une trentaine de bénévoles trient les médicaments chaque semaine dans notre local du 13e "
                   "arrondissement. Beaucoup aimeraient partager ce qu'ils font ; nous craignons les photos "
                   "publiées sans précaution.",
        "expected": [
            "un atelier de deux heures, un soir de semaine, dans notre local",
            "les bons réflexes : quoi montrer, quoi ne jamais publier, comment citer l'association",
            "une fiche pratique d'une page à afficher au local",
        ],
        "practical": "Environ 4 heures, préparation comprise, dont l'atelier sur place à Paris. Nous cherchons "
                     "deux bénévoles pour l'animer en binôme.",
    },
    {
        "title": "Plan de communication pour un festival",
        "association": "Forêts Vivantes", "skills": ["strategie", "medias-sociaux", "video"],
        "format": HYBRID, "hours": 48, "days_left": 70, "status": OPEN, "wanted": 3,
        "summary": "Pour ses vingt ans, Forêts Vivantes organise en octobre la première Fête de l'arbre : trois "
                   "jours de plantations, d'animations et de concerts à Nancy. Il faut la faire connaître.",
        "context": "Le festival sera gratuit et ouvert à tous, dans un parc du centre de Nancy. L'équipe a trouvé "
                   "les partenaires et les artistes ; il lui manque un plan de communication, de l'annonce au "
                   "bilan, et des bras pour le mener.",
        "expected": [
            "un plan de communication sur quatre mois : publics, messages, canaux, calendrier",
            "une identité visuelle simple, déclinée en affiche et en visuels pour les réseaux",
            "l'animation des réseaux pendant les six semaines qui précèdent le festival",
            "une courte vidéo tournée pendant l'événement, et un bilan chiffré",
        ],
        "practical": "C'est l'une de nos plus grosses missions : une cinquantaine d'heures sur quatre mois, avec "
                     "deux réunions à Nancy et le reste à distance. Nous cherchons trois bénévoles qui formeront "
                     "une petite équipe : stratégie, réseaux sociaux et vidéo.",
    },
    {
        "title": "Création d'une page de collecte en ligne",
        "association": "Toit pour Tous 33", "skills": ["collecte", "webmastering"],
        "format": REMOTE, "hours": 10, "days_left": 21, "status": OPEN, "wanted": 1,
        "summary": "Il nous faut 9 000 € pour meubler un nouveau logement d'urgence à Bègles. Une page de collecte "
                   "claire, reliée à notre site, avec des montants qui parlent.",
        "context": "L'association peut louer un trois-pièces pour y accueillir une famille à la rue. Il faut le "
                   "meubler et payer les premiers mois de loyer. Nous n'avons jamais fait de collecte en ligne.",
        "expected": [
            "une page de collecte sur HelloAsso, avec un objectif, une jauge et des montants suggérés",
            "une page sur notre site WordPress qui raconte le projet et mène au formulaire",
            "un court guide pour publier des nouvelles de l'avancement",
        ],
        "practical": "Environ 10 heures sur trois semaines, à distance. Nous cherchons un ou une bénévole qui a "
                     "déjà mis en ligne une collecte, idéalement à l'aise avec WordPress.",
    },
    {
        "title": "Segmentation de la base de donateurs",
        "association": "Eau Claire International", "skills": ["emailing", "analytics"],
        "format": REMOTE, "hours": 8, "days_left": 36, "status": OPEN, "wanted": 2,
        "summary": "Nous écrivons la même chose à qui a donné une fois il y a cinq ans et à qui donne chaque mois "
                   "depuis dix ans. Aidez-nous à mieux connaître nos donateurs.",
        "context": "Eau Claire International compte environ 4 500 donateurs, dont 600 donnent chaque mois. Nos "
                   "appels envoyés à tout le monde fatiguent les fidèles et ne réveillent pas les anciens.",
        "expected": [
            "un nettoyage de la base : doublons, adresses invalides",
            "quatre ou cinq segments simples : fréquence, ancienneté, montant, projets soutenus",
            "leur mise en place dans Brevo, avec des conseils de messages pour chacun",
        ],
        "practical": "Environ 8 heures sur un mois, à distance. Les données restent dans nos outils, jamais sur un "
                     "ordinateur personnel. Nous cherchons deux bénévoles, l'un ou l'une plutôt données, l'autre "
                     "plutôt e-mailing.",
    },
    {
        "title": "Optimisation des fiches Google Business",
        "association": "Vélo Partage Solidaire", "skills": ["referencement"],
        "format": REMOTE, "hours": 3, "days_left": 12, "status": OPEN, "wanted": 3,
        "summary": "Nos trois ateliers ont chacun leur fiche Google Business, avec de mauvais horaires et des "
                   "photos vieilles de six ans. Trois heures suffiraient à les remettre d'aplomb.",
        "context": "Beaucoup de gens trouvent nos ateliers en cherchant « réparer vélo Nantes » sur leur "
                   "téléphone. Les fiches ont été créées par des bénévoles partis depuis : horaires faux, numéro "
                   "d'un ancien président, avis restés sans réponse.",
        "expected": [
            "reprendre la main sur les trois fiches",
            "corriger horaires, coordonnées, catégories et photos",
            "répondre aux avis en attente et laisser des réponses types à l'équipe",
        ],
        "practical": "Une mission courte, 3 heures environ, à distance : idéale pour une première mission. Nous "
                     "cherchons trois bénévoles, une fiche chacun.",
    },
    {
        "title": "Charte éditoriale du site",
        "association": "Les Petites Mains du Cœur", "skills": ["strategie"],
        "format": REMOTE, "hours": 10, "days_left": 55, "status": OPEN, "wanted": 1,
        "summary": "Six personnes écrivent sur notre site, chacune à sa manière. Une charte courte nous aiderait à "
                   "parler d'une même voix, simple et respectueuse des femmes que nous accompagnons.",
        "context": "Salariées, bénévoles et stagiaires publient des actualités. Le ton change d'un article à "
                   "l'autre, les personnes accompagnées sont parfois désignées maladroitement, et les textes "
                   "sont souvent trop longs pour être lus sur téléphone.",
        "expected": [
            "une charte de quatre à six pages : ton, vocabulaire, longueur, titres, images, et les règles du "
            "Facile à lire et à comprendre (FALC)",
            "trois articles existants réécrits pour servir de modèles",
            "une séance d'une heure pour présenter la charte à l'équipe",
        ],
        "practical": "Environ 10 heures sur deux mois, à distance. Nous cherchons un ou une bénévole rédacteur, "
                     "rédactrice ou stratège de contenus.",
    },
    {
        "title": "Capsules vidéo pour Instagram",
        "association": "Abeilles d'Ici", "skills": ["video", "medias-sociaux"],
        "format": HYBRID, "hours": 14, "days_left": 42, "status": OPEN, "wanted": 2,
        "summary": "Raconter la vie de nos ruchers et de nos prairies fleuries en courtes vidéos verticales, "
                   "tournées au fil des saisons autour de Rennes.",
        "context": "Nos animations dans les écoles et nos chantiers de prairies fleuries se prêtent bien à "
                   "l'image, mais nous ne publions que des photos. Nos abonnés, souvent jeunes, réagissent "
                   "bien mieux aux vidéos.",
        "expected": [
            "une série de six capsules de 30 à 60 secondes, sous-titrées",
            "une demi-journée de tournage sur un de nos sites, au printemps",
            "un petit guide pour que nos bénévoles tournent les suivantes au téléphone",
        ],
        "practical": "Environ 14 heures sur six semaines : le tournage sur place près de Rennes, le montage à "
                     "distance. Nous cherchons deux bénévoles, un ou une vidéaste et une personne à l'aise avec "
                     "Instagram.",
    },
    {
        "title": "Déclaration d'accessibilité et corrections",
        "association": "Radio Ouverte", "skills": ["accessibilite", "webmastering"],
        "format": REMOTE, "hours": 40, "days_left": 48, "status": OPEN, "wanted": 3,
        "summary": "Notre lecteur de podcasts est inutilisable au clavier et avec un lecteur d'écran. Audit, "
                   "corrections, transcriptions et déclaration d'accessibilité : faisons les choses sérieusement.",
        "context": "Notre site diffuse le direct et les podcasts de la radio. Une association de personnes "
                   "aveugles, partenaire d'une émission, nous a signalé que le lecteur audio était inutilisable "
                   "pour ses membres. Nous voulons corriger bien plus que ce bouton.",
        "expected": [
            "un audit RGAA sur un échantillon de pages représentatif",
            "les corrections du thème et du lecteur audio, avec notre développeur bénévole",
            "une méthode pour publier la transcription de chaque émission",
            "la rédaction et la publication de la déclaration d'accessibilité",
        ],
        "practical": "Une mission de plusieurs semaines : une quarantaine d'heures en tout, à distance, sur deux à "
                     "trois mois. Nous cherchons trois bénévoles : un auditeur ou une auditrice RGAA, une personne pour "
                     "le développement front-end et une pour la méthode de transcription.",
    },
    {
        "title": "Mesure d'impact de la campagne d'été",
        "association": "Les Pousses Solidaires", "skills": ["analytics", "strategie"],
        "format": REMOTE, "hours": 6, "days_left": 19, "status": OPEN, "wanted": 1,
        "summary": "Cet été, nos jardins ont ouvert tous les samedis. Affiches, réseaux, presse locale : qu'est-ce "
                   "qui a vraiment fait venir les habitants ?",
        "context": "Pendant l'été, nos jardins partagés ont accueilli des ateliers gratuits chaque samedi. Nous "
                   "avons tout essayé pour les faire connaître sans rien mesurer vraiment. Avant de préparer "
                   "la prochaine saison, nous voulons savoir ce qui a marché.",
        "expected": [
            "une analyse des données disponibles : statistiques du site et des réseaux, feuilles de présence, "
            "questionnaire rempli sur place",
            "un bilan de deux pages, lisible par le conseil d'administration",
            "trois recommandations pour la prochaine saison",
        ],
        "practical": "Environ 6 heures sur trois semaines, à distance. Nous cherchons un ou une bénévole qui aime "
                     "faire parler les chiffres.",
    },
    {
        "title": "Relance des donateurs inactifs",
        "association": "Secours des Collines", "skills": ["collecte", "emailing"],
        "format": REMOTE, "hours": 7, "days_left": 27, "status": OPEN, "wanted": 2,
        "summary": "Près de 900 personnes ont donné après les inondations de 2022, puis plus rien. Une série "
                   "d'e-mails bien pensée pourrait les faire revenir pour les familles d'aujourd'hui.",
        "context": "Après les inondations de 2022 en Isère, la solidarité a été immense : des centaines de "
                   "personnes ont fait leur premier don à l'association. Nous ne leur avons jamais vraiment "
                   "donné de nouvelles, et la plupart n'ont pas redonné.",
        "expected": [
            "une séquence de trois e-mails : nouvelles des familles aidées, besoins actuels, appel au don",
            "leur mise en place dans notre outil d'e-mailing, testée d'abord sur un petit groupe",
            "un suivi des résultats au bout d'un mois",
        ],
        "practical": "Environ 7 heures sur un mois, à distance. Nous cherchons deux bénévoles : une personne pour "
                     "l'écriture, une pour l'outil et le suivi.",
    },
    {
        "title": "Référencement local des antennes",
        "association": "Mer Propre Ensemble", "skills": ["referencement", "webmastering"],
        "format": REMOTE, "hours": 9, "days_left": 31, "status": OPEN, "wanted": 3,
        "summary": "Nos antennes de Brest, Quimper, Morlaix et Douarnenez organisent leurs propres ramassages. "
                   "Aidons chacune à être trouvée par les habitants qui veulent agir près de chez eux.",
        "context": "Le site n'a qu'une page générale pour les quatre antennes. Quand un habitant de Quimper "
                   "cherche « nettoyage plage Quimper », il tombe sur d'autres associations, ou sur rien.",
        "expected": [
            "une page par antenne, avec son calendrier, ses contacts et ses lieux de rendez-vous",
            "une fiche d'établissement pour chaque antenne qui a un local",
            "des pistes pour obtenir des liens depuis les sites des mairies et des offices de tourisme",
        ],
        "practical": "Environ 9 heures sur un mois, à distance. Nous cherchons trois bénévoles qui se répartiront "
                     "les antennes et compareront leurs méthodes.",
    },
    # A filled mission, a closed one and one past its deadline: still visible, no form.
    {
        "title": "Nouveau site vitrine",
        "association": "Lire pour Grandir", "skills": ["webmastering", "strategie"],
        "format": REMOTE, "hours": 40, "days_left": 10, "status": FILLED, "wanted": 1,
        "summary": "Un site simple et accessible pour présenter nos ateliers de lecture, recruter des bénévoles et "
                   "permettre aux familles de s'inscrire depuis leur téléphone.",
        "context": "Notre site datait de 2012 et ne s'affichait pas sur téléphone, alors que la plupart des "
                   "familles que nous accompagnons n'ont pas d'ordinateur.",
        "expected": [
            "une arborescence courte, pensée pour les familles et pour les bénévoles",
            "un site WordPress accessible, avec un thème léger",
            "une formation de l'équipe à la mise à jour des contenus",
        ],
        "practical": "Environ 40 heures sur trois mois, à distance. Nous cherchions un ou une bénévole : la mission "
                     "a trouvé preneuse, merci à toutes celles et ceux qui ont proposé leur aide.",
    },
    {
        "title": "Reportage photo et vidéo d'un chantier",
        "association": "Remèdes Partagés", "skills": ["video"],
        "format": ON_SITE, "hours": 12, "days_left": 5, "status": CLOSED, "wanted": 2,
        "summary": "Des images du chantier participatif qui transforme notre nouveau local de tri, pour remercier "
                   "les donateurs qui l'ont financé.",
        "context": "Grâce à une collecte réussie, nous aménageons un local plus grand pour trier les médicaments. "
                   "Pendant trois week-ends, des bénévoles posent les étagères, repeignent et installent les "
                   "postes de tri.",
        "expected": [
            "des photos de chaque étape du chantier",
            "une vidéo d'une minute et demie, de l'avant à l'après",
            "une sélection d'images pour le rapport annuel",
        ],
        "practical": "Environ 12 heures, dont deux samedis sur place à Paris. Nous cherchions deux bénévoles, "
                     "photographe et vidéaste.",
    },
    {
        "title": "Diagnostic des réseaux sociaux",
        "association": "Forêts Vivantes", "skills": ["medias-sociaux", "analytics"],
        "format": REMOTE, "hours": 5, "days_left": -3, "status": OPEN, "wanted": 3,
        "summary": "Nous publions sur quatre réseaux sans savoir lesquels servent nos chantiers de plantation. Un "
                   "diagnostic rapide pour décider où concentrer nos efforts.",
        "context": "Nos bénévoles publient sur Facebook, Instagram, LinkedIn et YouTube, chacun selon son temps. "
                   "Avant la saison des plantations, nous voulons savoir où sont nos publics et arrêter ce qui "
                   "ne sert à rien.",
        "expected": [
            "une analyse des six derniers mois sur chaque réseau",
            "une recommandation argumentée pour chacun : garder, alléger ou fermer",
            "une heure d'échange en visio avec le bureau",
        ],
        "practical": "Environ 5 heures, à distance. Nous cherchons trois bénévoles pour croiser les regards.",
    },
]
