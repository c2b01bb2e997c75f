from .base import BasePage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = ["BasePage", "HomePage", "StandardPage", "SiteSettings"]
