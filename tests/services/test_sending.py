"""mailto: links and .eml files: any text round-trips, no text adds a header."""

import email
from email import policy
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.services.outreach.sending import Outgoing, eml_bytes, mailto_url, one_line

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@given(subject=TEXT, body=TEXT)
def test_mailto_round_trips_subject_and_body(subject, body):
    url = mailto_url("ana@example.com", subject, body)
    address, query = url.removeprefix("mailto:").split("?", 1)
    params = dict(part.split("=", 1) for part in query.split("&"))
    assert address == "ana@example.com"
    assert set(params) == {"subject", "body"}  # nothing the user typed adds a parameter
    assert unquote(params["subject"]) == one_line(subject)
    expected = "\r\n".join(body.replace("\r\n", "\n").split("\n"))
    assert unquote(params["body"]) == expected


@given(name=TEXT, subject=TEXT)
def test_names_and_subjects_never_add_headers(name, subject):
    outgoing = Outgoing(
        to_name=name,
        to_address="ana@example.com",
        from_name="Ada\nBcc: evil@example.com",
        from_address="ada@example.com",
        subject=subject,
        body="Hi",
    )
    message = email.message_from_bytes(eml_bytes(outgoing), policy=policy.default)
    headers = {key.lower() for key in message}  # iterating a Message gives header names
    assert headers <= {
        "content-type",
        "mime-version",
        "content-transfer-encoding",
        "subject",
        "from",
        "to",
        "date",
        "message-id",
        "x-unsent",
    }
    assert [a.addr_spec for a in message["To"].addresses] == ["ana@example.com"]
