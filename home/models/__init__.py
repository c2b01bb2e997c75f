from .accounts import LoginFailure, PersonalDataRequest
from .base import BasePage
from .manifesto import ManifestoPage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .pages import HomePage, StandardPage
from .signatures import Signature
from .site_settings import SiteSettings

__all__ = [
    "BasePage", "HomePage", "StandardPage", "SiteSettings",
    "ManifestoPage", "Signature", "NewsIndexPage", "NewsPage", "NewsPageTag", "LoginFailure",
    "PersonalDataRequest",
]
