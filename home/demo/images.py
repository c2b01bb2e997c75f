"""Images generated locally with Pillow (no download, no licence question): flat illustrations of
the demo's subjects (drawn in illustrations.py) and the associations' logos."""

import io
import random
import re

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from .illustrations import SCENES, draw_scene

PALETTES = [
    ("#0b5563", "#e3f1f2", "#f5c04f"),
    ("#12343b", "#d8e7e9", "#e07a5f"),
    ("#1e6b34", "#eaf5ec", "#f2cc8f"),
    ("#3d405b", "#f4f1de", "#81b29a"),
    ("#8a1c14", "#fdecea", "#f4a261"),
    ("#264653", "#e9f5f2", "#2a9d8f"),
]


# Beginnings of the words of an image's title → the scene that shows it, for callers that name
# no scene (the first that matches wins).
SCENE_KEYWORDS = [
    ("manifeste", "manifeste"), ("accessib", "accessibilite"), ("sobri", "sobriete"),
    ("mailing", "emailing"), ("lettre", "emailing"), ("collecte", "collecte"), ("donat", "collecte"),
    ("rencontre", "rencontre"), ("visio", "visio"), ("en ligne", "visio"), ("bilan", "statistiques"),
    ("statisti", "statistiques"), ("seo", "statistiques"), ("équipe", "communaute"),
    ("communauté", "communaute"), ("relation", "mise_en_relation"), ("réseaux", "reseaux"),
    ("sociaux", "reseaux"), ("atelier", "formation"), ("formation", "formation"),
]


def scene_for(title):
    """The scene of an image titled `title`: the first keyword found, else a training workshop."""
    lowered = title.lower()
    words = re.findall(r"\w+", lowered)
    for keyword, scene in SCENE_KEYWORDS:
        if (keyword in lowered) if " " in keyword else any(word.startswith(keyword) for word in words):
            return scene
    return "formation"


def render_png(seed, width=1200, height=800, scene="formation"):
    """A flat illustration of `scene` (see illustrations.SCENES), the same for the same seed.

    Drawn at twice the size and halved, so that edges are smooth (Pillow draws without
    antialiasing); then reduced to 64 colours, which a flat picture hardly needs more of: the PNG
    weighs about 15 KB and takes a few milliseconds to write, where an optimised RGB PNG takes 30.
    """
    picture = PILImage.new("RGB", (width * 2, height * 2), PALETTES[SCENES[scene][1]][1])
    draw_scene(picture, scene, PALETTES, seed)
    picture = picture.reduce(2).quantize(64, method=PILImage.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def demo_image(title, description, seed=None, scene=None):
    """Return the image with this title, generating it the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = render_png(seed if seed is not None else title, scene=scene or scene_for(title))
    filename = f"demo-{slugify(title)[:60]}.png"
    image = Image(title=title, description=description)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


LOGO_COLOURS = ["#0b5563", "#1e6b34", "#8a1c14", "#3d405b", "#264653", "#8a5a00", "#5b2a86", "#12343b"]


def render_logo(name, seed):
    """A fictional association's logo: its initials on a coloured badge with a simple emblem."""
    from PIL import ImageFont

    rng = random.Random(seed)
    size = 400
    colour = rng.choice(LOGO_COLOURS)
    picture = PILImage.new("RGB", (size, size), "#ffffff")
    draw = ImageDraw.Draw(picture)
    if rng.random() < 0.5:
        draw.ellipse((20, 20, size - 20, size - 20), fill=colour)
    else:
        draw.rounded_rectangle((20, 20, size - 20, size - 20), 70, fill=colour)
    emblem = rng.randrange(3)  # a leaf, a sun, a wave: drawn light over the badge
    light = "#f5c04f" if emblem == 1 else "#e3f1f2"
    if emblem == 0:
        draw.ellipse((235, 70, 335, 170), fill=light)
        draw.ellipse((270, 70, 370, 170), fill=colour)
    elif emblem == 1:
        draw.ellipse((270, 60, 330, 120), fill=light)
    else:
        for offset in (0, 24):
            draw.arc((90, 270 + offset, 310, 350 + offset), 200, 340, fill=light, width=10)
    initials = "".join(word[0] for word in name.replace("'", " ").split() if word[0].isupper())[:3]
    font = ImageFont.load_default(size=150 if len(initials) < 3 else 115)
    draw.text((size / 2, size / 2 + 10), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_logo(name):
    """The logo image of the association `name`, generated the first time."""
    Image = get_image_model()
    title = f"Logo {name}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=f"Logo de {name}")
    image.file = ImageFile(io.BytesIO(render_logo(name, name)), name=f"logo-{slugify(name)[:50]}.png")
    image.save()
    return image
