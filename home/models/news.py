"""News: an index (paginated, filtered by tag, RSS and Atom feeds) and articles."""

from django.db import models
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.search import index

from home import structured_data
from home.blocks import ArticleStreamBlock
from home.feeds import NewsFeed
from webassoc.pagination import page_number, paginate

from .base import BasePage

LISTING_RENDITION = "fill-640x360"


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("mot-clé d’actualité")
        verbose_name_plural = _("mots-clés d’actualité")


def listing_queryset(queryset):
    """What every news listing needs, in a constant number of queries."""
    Image = get_image_model()
    return (
        queryset.live().public()
        .defer_streamfields()
        .order_by("-date", "-first_published_at", "-pk")
        .prefetch_related(
            Prefetch("listing_image", queryset=Image.objects.prefetch_renditions(LISTING_RENDITION)),
            "tags",
        )
    )


class NewsIndexPage(RoutablePageMixin, BasePage):
    search_kind = _("Actualités")  # in the site search
    intro = models.TextField(_("chapeau"), blank=True)
    per_page = 10
    feed_size = 20

    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    template = "home/news_index_page.html"

    class Meta:
        verbose_name = _("index des actualités")
        verbose_name_plural = _("index des actualités")

    meta_description_field = "intro"  # without an SEO description (BasePage.get_meta_description)

    def news(self):
        return listing_queryset(NewsPage.objects.child_of(self))

    def tags(self):
        """Tags used by at least one live article of this index, most used first."""
        return (
            Tag.objects.filter(
                home_newspagetag_items__content_object__in=NewsPage.objects.child_of(self).live().public()
            )
            .annotate(uses=Count("home_newspagetag_items"))
            .order_by("-uses", "name")
        )

    @path("")
    def index_route(self, request):
        news = self.news()
        tag_slug = request.GET.get("tag", "").strip()[:100]
        current_tag = None
        if tag_slug:
            current_tag = Tag.objects.filter(slug=tag_slug).first()
            news = news.filter(tags__slug=tag_slug) if current_tag else news.none()
        page_obj = paginate(news, page_number(request), self.per_page)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "news_items": page_obj.object_list,
                "index_url": self.get_url(request),  # once for every card's tag links
                "all_tags": self.tags(),  # read by the template, unless its fragment is cached
                "tag_slug": tag_slug,
                "current_tag": current_tag,
            },
        )

    @path("rss/", name="rss")
    def rss_route(self, request):
        return NewsFeed(self)(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        return NewsFeed(self, "atom")(request)


class NewsPage(BasePage):
    date = models.DateField(_("date de publication"), default=timezone.localdate)
    author = models.CharField(_("auteur ou autrice"), max_length=120, blank=True)
    intro = models.TextField(_("chapeau"), help_text=_("Résumé affiché dans les listes et les flux."))
    listing_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image de liste"),
        help_text=_("Image des listes d’actualités (décorative : le titre suffit)."),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    body = StreamField(ArticleStreamBlock(), verbose_name=_("contenu"), blank=True)
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("mots-clés"),
        help_text=_("Les actualités qui partagent un mot-clé sont proposées ensemble."),
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("tags")], heading=_("Informations")
        ),
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    template = "home/news_page.html"

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    meta_description_field = "intro"  # without an SEO description (BasePage.get_meta_description)

    # --- sharing and search engines: an article, with its own image ------------------------
    og_type = "article"

    def get_social_image(self):
        return self.social_image or self.listing_image

    def og_published_time(self):
        return self.date.isoformat()

    def structured_data(self, request):
        image = self.get_social_image()
        image_url = request.build_absolute_uri(image.get_rendition("fill-1200x630").url) if image else ""
        return structured_data.news_article(self, request, image_url=image_url)

    def related_news(self, limit=3):
        """Other live articles sharing the most tags with this one, newest first."""
        tag_ids = [tag.pk for tag in self.tags.all()]
        if not tag_ids:
            return []
        related = (
            listing_queryset(NewsPage.objects.exclude(pk=self.pk))
            .filter(tagged_items__tag_id__in=tag_ids)
            .annotate(shared=Count("tagged_items"))
            .order_by("-shared", "-date", "-pk")
        )
        return list(related[:limit])
