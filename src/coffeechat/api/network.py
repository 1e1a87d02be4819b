"""The Network: everyone you stay in touch with, red, amber or on track, paged like the page."""

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from coffeechat.api.common import READ_ERRORS, now
from coffeechat.services.contacts.network import NetworkSection, network_page

router = Router(tags=["network"])


class NetworkPerson(Schema):
    contact_id: int
    name: str
    organization: str | None
    state: str = Field(description="overdue (red), due (amber) or on_track.")
    label: str = Field(description="The cadence in words, as the page says it.")
    last_exchange_at: datetime
    ideal_due: date = Field(description="The next update is due (amber) from this day.")
    max_due: date = Field(description="Red, going cold, from this day.")


class NetworkSectionOut(Schema):
    page: int
    pages: int
    total: int
    people: list[NetworkPerson]


class NetworkOut(Schema):
    overdue: int
    due: int
    on_track: int
    waiting: NetworkSectionOut = Field(description="Red, then amber: the longest waiting first.")
    on_track_people: NetworkSectionOut = Field(description="The next update soonest first.")


@router.get("", response={200: NetworkOut, **READ_ERRORS}, summary="Your network")
def network(
    request: HttpRequest,
    waiting_page: Annotated[int, Query(ge=1, description="Page of the waiting people.")] = 1,
    on_track_page: Annotated[int, Query(ge=1, description="Page of the people on track.")] = 1,
):
    """The Network page's figures and people, 50 a page per section (a page past the
    end gives the last)."""
    page = network_page(request.auth, now(), due_page=waiting_page, on_track_page=on_track_page)
    return {
        "overdue": page.overdue,
        "due": page.due,
        "on_track": page.on_track,
        "waiting": _section(page.due_section),
        "on_track_people": _section(page.on_track_section),
    }


def _section(section: NetworkSection) -> dict[str, Any]:
    return {
        "page": section.page.number,
        "pages": section.page.paginator.num_pages,
        "total": section.page.paginator.count,
        "people": [
            {
                "contact_id": entry.contact.pk,
                "name": entry.contact.name,
                "organization": entry.contact.organization.name
                if entry.contact.organization
                else None,
                "state": entry.cadence.state.value,
                "label": entry.cadence.label,
                "last_exchange_at": entry.last_exchange_at,
                "ideal_due": entry.cadence.ideal_due,
                "max_due": entry.cadence.max_due,
            }
            for entry in section.entries
        ],
    }
