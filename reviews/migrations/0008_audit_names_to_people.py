"""Move the names written into older audit details onto the events' people.

Before 0007, inviting, revoking and resending wrote people's names into `detail`
("Invited 2: Ann Bell, Cy Dunn", "Revoked the link for Ann Bell"), so erasing a
person left their name in the history. Each such detail becomes a placeholder
filled from `people` when shown. A name that matches nobody invited to that
review (someone erased or renamed since) is dropped, not kept.
"""

from django.db import migrations

PLACEHOLDER = "{people}"
SINGLE_PREFIXES = ("Revoked the link for ", "Sent a new link to ")


def names_to_people(apps, schema_editor):
    AuditEvent = apps.get_model("reviews", "AuditEvent")
    Invitation = apps.get_model("reviews", "Invitation")
    events = AuditEvent.objects.filter(action__in=["invited", "revoked"]).exclude(
        detail__contains=PLACEHOLDER
    )
    for event in events.iterator():
        invited = {
            i.person.name: i.person
            for i in Invitation.objects.filter(
                review_id=event.review_id, person__isnull=False
            ).select_related("person")
        }
        detail = event.detail
        prefix = next((p for p in SINGLE_PREFIXES if detail.startswith(p)), None)
        if prefix is not None:
            name = detail[len(prefix) :]
            people = [invited[name]] if name in invited else []
            detail = prefix + PLACEHOLDER
        elif detail.startswith("Invited ") and ": " in detail:
            head, names = detail.split(": ", 1)
            people = [p for name, p in invited.items() if name and name in names]
            detail = f"{head}: {PLACEHOLDER}"
        else:
            continue
        event.detail = detail
        event.save(update_fields=["detail"])
        event.people.set(people)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0007_audit_people_and_viewing"),
    ]

    operations = [
        migrations.RunPython(names_to_people, migrations.RunPython.noop),
    ]
