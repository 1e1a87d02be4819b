# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def conversation_list(request, *args, **kwargs):
    return HttpResponse('todo')

def conversation_create(request, *args, **kwargs):
    return HttpResponse('todo')

def conversation_detail(request, *args, **kwargs):
    return HttpResponse('todo')

def conversation_event(request, *args, **kwargs):
    return HttpResponse('todo')

def conversation_draft(request, *args, **kwargs):
    return HttpResponse('todo')

def conversation_note(request, *args, **kwargs):
    return HttpResponse('todo')

