from django.db import migrations

from home import roles


def scope_to_catalogue(apps, schema_editor):
    """Training coordinators edit the catalogue's pages, not the whole site.

    The foundation granted them add/change/publish on the root page; the grant now lives on
    each training catalogue page (existing ones here, new ones when created: courses/signals.py).
    """
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    TrainingIndexPage = apps.get_model("courses", "TrainingIndexPage")
    GroupPagePermission.objects.filter(group__name=roles.TRAINING_COORDINATORS, page__depth=1).delete()
    for index in TrainingIndexPage.objects.all():
        roles.grant_page_permissions(apps, roles.TRAINING_COORDINATORS, Page.objects.get(pk=index.pk))


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_coordination_permissions")]

    operations = [migrations.RunPython(scope_to_catalogue, migrations.RunPython.noop)]
