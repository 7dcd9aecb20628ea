"""A member's own data: download all of it, or delete the account."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from bridgehub.accounts.domain.personal_data import delete_account, export_personal_data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password, to confirm"), widget=forms.PasswordInput)
    confirm = forms.BooleanField(label=gettext_lazy("I understand that this cannot be undone."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("That is not your password."))
        return self.cleaned_data["password"]


@login_required
def my_data(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delete_account(user=request.user)
        logout(request)
        messages.success(request, _("Your account was deleted. What others keep of your meetings and "
                                    "introductions now names a deleted member."))
        return redirect("web:home")
    admin_of = request.user.org_memberships.filter(role="admin").select_related("organisation")
    return render(request, "web/my_data.html", {"form": form, "admin_of": admin_of})


@login_required
@require_safe
def my_data_export(request):
    data = export_personal_data(request.user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="bridgehub-my-data-{timezone.now():%Y%m%d}.json"'
    return response
