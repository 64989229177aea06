"""A small shop: orders (a safe and a dangerous migration, and an index built concurrently) and loyalty points
(a data migration in Python)."""
SECRET_KEY = 'sample-only'
DEBUG = False
INSTALLED_APPS = ['orders', 'loyalty']
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'shop',
    }
}
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
USE_TZ = True
