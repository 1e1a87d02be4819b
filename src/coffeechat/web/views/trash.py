# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def trash_list(request, *args, **kwargs):
    return HttpResponse('todo')

def move_to_trash(request, *args, **kwargs):
    return HttpResponse('todo')

def restore(request, *args, **kwargs):
    return HttpResponse('todo')

