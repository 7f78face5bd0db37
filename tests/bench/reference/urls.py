from django.urls import path
from django.views.generic import ListView, TemplateView

from tests.bench.reference.models import Row

urlpatterns = [
    path("list/", ListView.as_view(model=Row, paginate_by=20), name="list"),
    path("static/", TemplateView.as_view(template_name="reference/static.html"), name="static"),
]
