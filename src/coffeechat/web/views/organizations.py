# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def organization_list(request, *args, **kwargs):
    return HttpResponse('todo')

def organization_create(request, *args, **kwargs):
    return HttpResponse('todo')

def organization_detail(request, *args, **kwargs):
    return HttpResponse('todo')

def organization_edit(request, *args, **kwargs):
    return HttpResponse('todo')

