"""Converting an association's request into a draft mission fills the summary with the first
sentence of the description (cut after a whole word beyond 160 characters), never the whole
request again: the description keeps it all, and editors only polish the summary."""

import pytest

from missions import services

from .factories import MissionRequestFactory

pytestmark = pytest.mark.django_db

SENTENCE = "Nous avons beaucoup de contenus anciens à trier et des pages à réécrire. "  # 73 characters


def test_a_short_request_lands_whole_in_the_description_and_only_its_first_sentence_in_the_summary():
    request_ = MissionRequestFactory(description=(
        "Notre site date de 2012. Il n’est plus à jour et personne ne sait le modifier.\n\n"
        "Nous aimerions un site simple que les bénévoles de l’association peuvent tenir."
    ))

    mission = services.convert_request(request_)

    assert mission.summary == "Notre site date de 2012."
    assert "Il n’est plus à jour" in mission.description and "peuvent tenir." in mission.description


def test_a_first_line_without_final_punctuation_is_a_sentence():
    assert services.draft_summary("Objectif : un site accessible\nPour tous !") == "Objectif : un site accessible."
    assert services.draft_summary("Pour tous ! Et vite.") == "Pour tous !"
    assert services.draft_summary("  \n ") == ""


def test_a_long_description_gives_its_first_sentence_only():
    summary = services.draft_summary("Notre site date de 2012.\n" + SENTENCE * 10)

    assert summary == "Notre site date de 2012."


def test_a_first_sentence_longer_than_160_characters_is_cut_after_a_whole_word():
    long_sentence = "Nous cherchons une personne " + "très patiente " * 20 + "pour nous aider."

    summary = services.draft_summary(long_sentence + " Merci.")

    assert len(summary) <= services.DRAFT_SUMMARY_TARGET == 160
    assert summary.endswith("…") and len(summary) > 140
    kept = summary[:-1]
    assert long_sentence.startswith(kept) and long_sentence[len(kept)] == " "  # after a whole word


def test_a_first_sentence_of_exactly_160_characters_is_kept_whole():
    sentence = "Un site " + "lisible " * 18 + "pour un."
    assert len(sentence) == 160

    assert services.draft_summary(sentence + " Suite.") == sentence


def test_a_first_sentence_without_any_end_is_cut_after_a_whole_word():
    summary = services.draft_summary("accessibilité " * 40)

    assert len(summary) <= 160
    assert summary.endswith("accessibilité…")
