"""Converting an association's request into a draft mission fills the summary with the beginning
of the description, in whole sentences, up to the summary's 400 characters: editors only polish it."""

import pytest

from missions import services

from .factories import MissionRequestFactory

pytestmark = pytest.mark.django_db

SENTENCE = "Nous avons beaucoup de contenus anciens à trier et des pages à réécrire. "  # 73 characters


def test_a_short_description_in_several_lines_becomes_the_whole_summary():
    request_ = MissionRequestFactory(description=(
        "Notre site date de 2012.\nIl n’est plus à jour et personne ne sait le modifier.\n\n"
        "Nous aimerions un site simple que les bénévoles de l’association peuvent tenir."
    ))

    mission = services.convert_request(request_)

    assert mission.summary == (
        "Notre site date de 2012. Il n’est plus à jour et personne ne sait le modifier. "
        "Nous aimerions un site simple que les bénévoles de l’association peuvent tenir."
    )


def test_a_line_without_final_punctuation_still_ends_a_sentence():
    summary = services.draft_summary("Objectif\nUn site accessible\nPour tous !")

    assert summary == "Objectif. Un site accessible. Pour tous !"


def test_a_long_description_gives_the_whole_sentences_that_fit_in_400_characters():
    description = "Notre site date de 2012.\n" + SENTENCE * 10

    summary = services.draft_summary(description)

    assert summary.startswith("Notre site date de 2012. Nous avons beaucoup")
    assert len(summary) <= 400
    assert len(summary) > 400 - len(SENTENCE)  # as many sentences as fit
    assert summary.endswith("à réécrire.")  # a whole sentence
    assert summary != " ".join(description.split())  # never the whole of a longer description


def test_the_summary_uses_the_summary_field_length():
    from missions.models import Mission

    assert services.DRAFT_SUMMARY_LENGTH == Mission._meta.get_field("summary").max_length == 400


def test_a_first_sentence_longer_than_the_summary_is_cut_after_a_whole_word():
    words = "accessibilité " * 40  # no sentence end

    summary = services.draft_summary(words)

    assert len(summary) <= 400
    assert summary.endswith("accessibilité…")
