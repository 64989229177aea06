from django.db import migrations


def grant_welcome_points(apps, schema_editor):
    Customer = apps.get_model('orders', 'Customer')
    Points = apps.get_model('loyalty', 'Points')
    for customer in Customer.objects.filter(points__isnull=True).iterator():
        Points.objects.create(customer=customer, balance=100)


class Migration(migrations.Migration):
    """A data migration in Python, without reverse_code: it cannot be undone, and it is not SQL to rehearse."""

    dependencies = [
        ('loyalty', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(grant_welcome_points),
    ]
