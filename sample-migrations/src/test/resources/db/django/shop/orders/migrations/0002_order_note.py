from django.db import migrations, models


class Migration(migrations.Migration):
    """Safe: a nullable column without a default changes only the catalog."""

    dependencies = [
        ('orders', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='note',
            field=models.TextField(null=True),
        ),
    ]
