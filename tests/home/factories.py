"""Factories of the manifesto and news (home app)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.models import ManifestoPage, NewsIndexPage, NewsPage, Signature
from tests.factories import home_page


class _ChildOfHomeFactory(wagtail_factories.PageFactory):
    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = home_page()
        return super()._create(model_class, *args, **kwargs)


class ManifestoPageFactory(_ChildOfHomeFactory):
    title = "Manifeste des 1000"
    slug = factory.Sequence(lambda n: f"manifeste-{n}")
    intro = "Mille pros du web pour un web solidaire."
    goal = 1000

    class Meta:
        model = ManifestoPage


class SignatureFactory(factory.django.DjangoModelFactory):
    page = factory.LazyFunction(lambda: ManifestoPage.objects.first() or ManifestoPageFactory())
    first_name = factory.Sequence(lambda n: f"Camille{n}")
    last_name = "Exemple"
    email = factory.Sequence(lambda n: f"signataire{n}@exemple.org")
    profession = "Développeuse web"
    organisation = ""
    city = "Lyon"
    show_publicly = True  # what people who tick the box get
    consent = True

    class Meta:
        model = Signature

    class Params:
        confirmed = factory.Trait(confirmed_at=factory.LazyFunction(timezone.now))
        hidden = factory.Trait(
            confirmed_at=factory.LazyFunction(timezone.now), hidden_at=factory.LazyFunction(timezone.now)
        )


class NewsIndexPageFactory(_ChildOfHomeFactory):
    title = "Actualités"
    slug = factory.Sequence(lambda n: f"actualites-{n}")
    intro = "Les nouvelles de la communauté."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    date = factory.Sequence(lambda n: timezone.localdate() - datetime.timedelta(days=n))
    author = "Jeanne Exemple"
    intro = "Une nouvelle de la communauté."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Texte de l'article.</p>"}])

    class Meta:
        model = NewsPage

    @classmethod
    def _create(cls, model_class, *args, tags=(), **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = NewsIndexPage.objects.first() or NewsIndexPageFactory()
        page = super()._create(model_class, *args, **kwargs)
        if tags:
            page.tags.add(*tags)
            page.save()
        return page
