"""Factories shared by every test module."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage


def home_page():
    """The site root created by the migrations (re-created if a transactional test flushed it)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage(title="Accueil", slug="accueil", hero_title="Le web solidaire et bénévole")
    root.add_child(instance=home)
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Webassoc")
    return home


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page d'information de démonstration."

    class Meta:
        model = StandardPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = home_page()
        return super()._create(model_class, *args, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("mot-de-passe-de-test")

    class Meta:
        model = get_user_model()


class SuperUserFactory(UserFactory):
    is_staff = True
    is_superuser = True
