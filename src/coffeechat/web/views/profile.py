# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def edit_profile(request, *args, **kwargs):
    return HttpResponse('todo')

def edit_rules(request, *args, **kwargs):
    return HttpResponse('todo')

