from django.db import models


class Customer(models.Model):
    email = models.CharField(max_length=200, unique=True)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    placed_at = models.DateTimeField()
    total_cents = models.BigIntegerField()
    note = models.TextField(null=True)
    shipped_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=['placed_at'], name='orders_placed_at_idx'),
            models.Index(fields=['shipped_at'], name='orders_shipped_at_idx'),
        ]
