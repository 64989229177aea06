from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    """Safe: the column is nullable, and the index is built concurrently, outside a transaction (atomic = False)."""

    atomic = False

    dependencies = [
        ('orders', '0003_order_placed_at_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='shipped_at',
            field=models.DateTimeField(null=True),
        ),
        AddIndexConcurrently(
            model_name='order',
            index=models.Index(fields=['shipped_at'], name='orders_shipped_at_idx'),
        ),
    ]
