# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def path_list(request, *args, **kwargs):
    return HttpResponse('todo')

def path_create(request, *args, **kwargs):
    return HttpResponse('todo')

def path_detail(request, *args, **kwargs):
    return HttpResponse('todo')

def path_edit(request, *args, **kwargs):
    return HttpResponse('todo')

