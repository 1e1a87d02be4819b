# placeholder while the page is written
from django.http import HttpResponse
from django.views import View

def sign_in_with_link(request, *args, **kwargs):
    return HttpResponse('todo')

class LoginView(View):
    pass

def logout_view(request, *args, **kwargs):
    return HttpResponse('todo')

