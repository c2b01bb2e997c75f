"""StreamField blocks shared by every page type of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from home.enums import HeadingLevel

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingValue(blocks.StructValue):
    @property
    def is_subsection(self):
        return self.get("level") == HeadingLevel.SUBSECTION


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=120)
    level = blocks.ChoiceBlock(label=_("Niveau"), choices=HeadingLevel.choices, default=HeadingLevel.SECTION)

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "components/blocks/heading.html"
        value_class = HeadingValue


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou autrice"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "components/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    page = blocks.PageChooserBlock(label=_("Page liée"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse externe"), required=False)
    button_label = blocks.CharBlock(label=_("Texte du bouton"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Appel à l’action")
        template = "components/blocks/call_to_action.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Réponse"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions fréquentes")
        template = "components/blocks/faq.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Chiffre"), max_length=20, help_text=_("Par exemple « 1 400 »."))
    label = blocks.CharBlock(label=_("Libellé"), max_length=80)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Chiffres clés"))

    class Meta:
        icon = "table"
        label = _("Chiffres clés")
        template = "components/blocks/key_figures.html"


class ArticleStreamBlock(blocks.StreamBlock):
    """What an article is written with (news)."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"), icon="pilcrow", features=RICH_TEXT_FEATURES,
        template="components/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Vidéo ou contenu intégré"), icon="media",
                       template="components/blocks/embed.html")
    call_to_action = CallToActionBlock()


class BaseStreamBlock(ArticleStreamBlock):
    """Article blocks plus the page-building ones (FAQ, key figures)."""

    faq = FaqBlock()
    key_figures = KeyFiguresBlock()
