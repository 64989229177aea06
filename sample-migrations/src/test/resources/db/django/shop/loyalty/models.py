from django.db import models


class Points(models.Model):
    customer = models.OneToOneField('orders.Customer', on_delete=models.CASCADE)
    balance = models.IntegerField(default=0)
