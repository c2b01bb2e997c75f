import io

import pytest
from PIL import Image, ImageChops, ImageStat
from wagtail.images import get_image_model

from home.demo import news
from home.demo.illustrations import SCENES, describe
from home.demo.images import demo_image, render_png, scene_for


def picture(data):
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.convert("RGB")


@pytest.fixture(scope="module")
def rendered():
    return {scene: picture(render_png("test", scene=scene)) for scene in SCENES}


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_each_scene_is_a_picture_of_the_expected_size_with_more_than_one_colour(scene, rendered):
    image = rendered[scene]

    assert image.size == (1200, 800)
    assert len(image.getcolors(maxcolors=4096)) > 8
    assert max(high - low for low, high in image.getextrema()) > 100


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_each_scene_differs_from_every_other_scene(scene, rendered):
    for other in SCENES:
        if other != scene:
            difference = ImageStat.Stat(ImageChops.difference(rendered[scene], rendered[other])).mean
            assert sum(difference) / 3 > 10, other


def test_scenes_are_drawn_at_the_size_asked_for():
    assert picture(render_png("x", width=600, height=315, scene="visio")).size == (600, 315)


def test_the_same_seed_gives_the_same_picture_and_another_seed_other_people():
    assert render_png("news-1", scene="collecte") == render_png("news-1", scene="collecte")
    assert render_png("news-1", scene="rencontre") != render_png("news-2", scene="rencontre")


def test_illustrations_stay_light():
    for scene in SCENES:
        assert len(render_png("x", scene=scene)) < 150_000, scene


def test_titles_without_a_scene_find_one_from_their_words():
    assert scene_for("Actualité : Collecte en ligne, les bonnes pratiques") == "collecte"
    assert scene_for("Accessibilité : cinq premiers pas") == "accessibilite"
    assert scene_for("Équipe Webassoc") == "communaute"
    assert scene_for("Médias sociaux : par où commencer ?") == "reseaux"
    assert scene_for("Fidéliser ses donateurs") == "collecte"
    assert scene_for("Protéger ses données") == "formation"  # "données" has nothing to do with a gift
    assert scene_for("Un titre sans mot connu") == "formation"


def test_every_demo_article_names_a_scene_and_its_alt_text_says_what_it_shows():
    assert {article["scene"] for article in news.ARTICLES} <= set(SCENES)
    for scene in SCENES:
        assert describe(scene).startswith("Illustration : ")
        assert "'" not in describe(scene) and "abstrait" not in describe(scene)


@pytest.mark.django_db
def test_demo_image_is_created_once():
    first = demo_image("Atelier bénévole", describe("formation"), scene="formation")
    again = demo_image("Atelier bénévole", "Une autre description", scene="visio")

    assert again.pk == first.pk
    assert get_image_model().objects.filter(title="Atelier bénévole").count() == 1
    assert again.description == describe("formation")
    assert (first.width, first.height) == (1200, 800)
