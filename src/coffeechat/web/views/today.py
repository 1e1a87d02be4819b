# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def today(request, *args, **kwargs):
    return HttpResponse('todo')

def welcome(request, *args, **kwargs):
    return HttpResponse('todo')

def load_sample_data(request, *args, **kwargs):
    return HttpResponse('todo')

def complete_action_item(request, *args, **kwargs):
    return HttpResponse('todo')

