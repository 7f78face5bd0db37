from django.db import migrations


def contacts_attend(apps, schema_editor):
    """Each registration made before attendees were named names its contact."""
    Registration = apps.get_model("events", "Registration")
    Attendee = apps.get_model("events", "Attendee")
    Attendee.objects.bulk_create(
        [
            Attendee(registration_id=pk, name=name, email=email, position=0)
            for pk, name, email in Registration.objects.filter(attendees__isnull=True).values_list(
                "pk", "contact_name", "email"
            )
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0005_events_questions_attendees")]

    operations = [migrations.RunPython(contacts_attend, migrations.RunPython.noop)]
