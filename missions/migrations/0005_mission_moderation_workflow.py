"""Missions go through Wagtail's moderation workflow ("Soumettre à la modération")."""

from django.db import migrations

from home import roles

DEFAULT_WORKFLOW = "Moderators approval"  # created by wagtailcore 0048 on fresh installs
FALLBACK_NAME = "Validation par la modération"


def link_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    mission_type, _ = ContentType.objects.get_or_create(app_label="missions", model="mission")
    if WorkflowContentType.objects.filter(content_type=mission_type).exists():
        return  # an administrator already chose a workflow for missions
    workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=True).first()
    if workflow is None:
        workflow = Workflow.objects.filter(name=FALLBACK_NAME).first()
    if workflow is None:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=FALLBACK_NAME, content_type=task_type, active=True)
        moderators, _ = Group.objects.get_or_create(name=roles.MODERATORS)
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=FALLBACK_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=mission_type, workflow=workflow)


def unlink_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__in=ContentType.objects.filter(app_label="missions", model="mission")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0004_mission_coordinator_permissions"),
        ("home", "0003_editor_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(link_workflow, unlink_workflow)]
