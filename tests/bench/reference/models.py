from django.db import models


class Row(models.Model):
    """10,000 of them: the reference list shows 20."""

    title = models.CharField(max_length=200)
    summary = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at", "-id"])]
