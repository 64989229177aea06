from django.db import migrations, models


class Migration(migrations.Migration):
    """Dangerous: AddIndex builds the index with a plain CREATE INDEX, blocking writes to orders while it runs."""

    dependencies = [
        ('orders', '0002_order_note'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='order',
            index=models.Index(fields=['placed_at'], name='orders_placed_at_idx'),
        ),
    ]
