# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def contact_list(request, *args, **kwargs):
    return HttpResponse('todo')

def contact_create(request, *args, **kwargs):
    return HttpResponse('todo')

def contact_detail(request, *args, **kwargs):
    return HttpResponse('todo')

def contact_edit(request, *args, **kwargs):
    return HttpResponse('todo')

