"""System checks of the deployment's configuration."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def deprecated_environment_variables(app_configs, **kwargs):
    """An environment variable set under its old name works, but should be renamed."""
    return [
        Warning(
            f"The environment variable {old} is deprecated.",
            hint=f"Name it {settings.RENAMED_ENVIRONMENT_VARIABLES[old]}.",
            id="chamber.W001",
        )
        for old in settings.DEPRECATED_ENVIRONMENT_VARIABLES
    ]
