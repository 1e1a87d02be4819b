"""The templates every user starts with, written for informational interviews.

Each is short enough to pass the outreach checks once filled, asks for advice
and never for a job, and leaves room for the personal sentence that matters.
``key`` identifies a built-in so seeding is idempotent and a user's edits stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.domain.vocabulary import Channel, MessageKind


@dataclass(frozen=True, slots=True)
class BuiltinTemplate:
    key: str
    name: str
    channel: Channel
    kind: MessageKind
    subject: str
    body: str


BUILTINS: tuple[BuiltinTemplate, ...] = (
    BuiltinTemplate(
        "request-email",
        "First request (email)",
        Channel.EMAIL,
        MessageKind.REQUEST,
        "Learning about {my_interest} from you",
        "Hi {first_name},\n\n"
        "{connection} Your work as {their_role} at {organization} is the path I am curious "
        "about.\n\n"
        "{background} I am exploring {my_interest} and would value your view of how you "
        "got there.\n\n"
        "Would you have {minutes} minutes for {meeting} in the next few weeks? I am not asking "
        "for a job, only for your perspective.\n\n"
        "{signature}",
    ),
    BuiltinTemplate(
        "request-linkedin-note",
        "First request (LinkedIn connection note)",
        Channel.LINKEDIN_NOTE,
        MessageKind.REQUEST,
        "",
        "Hi {first_name}, {connection} I am exploring {my_interest} and would love to hear "
        "how you got into your role. Would you have {minutes} minutes for {meeting}? "
        "Thanks, {my_first_name}",
    ),
    BuiltinTemplate(
        "request-linkedin-message",
        "First request (LinkedIn message)",
        Channel.LINKEDIN_MESSAGE,
        MessageKind.REQUEST,
        "",
        "Hi {first_name},\n\n"
        "{connection} Your path to {their_role} at {organization} is the kind I am curious "
        "about.\n\n"
        "{background} I am exploring {my_interest} and would value your view of the work "
        "and how you got into it.\n\n"
        "Would you have {minutes} minutes for {meeting} in the coming weeks? I am not asking "
        "for a job, only for your perspective.\n\n"
        "Thank you,\n{my_first_name}",
    ),
    BuiltinTemplate(
        "follow-up",
        "Follow-up (one, a week later)",
        Channel.EMAIL,
        MessageKind.FOLLOW_UP,
        "Re: {original_subject}",
        "Hi {first_name},\n\n"
        "I know your inbox is busy, so I am bringing my note from last week back to the "
        "top. I would still love {minutes} minutes to hear how you found your way into "
        "{my_interest}.\n\n"
        "If now is not a good time, no problem at all; thank you either way.\n\n"
        "{signature}",
    ),
    BuiltinTemplate(
        "confirmation",
        "Confirm the time (with the calendar invite)",
        Channel.EMAIL,
        MessageKind.CONFIRMATION,
        "Our conversation, confirmed",
        "Hi {first_name},\n\n"
        "Thank you for making time for me. I have booked our conversation for "
        "{interview_time}; the calendar invite is attached.\n\n"
        "I look forward to talking with you.\n\n"
        "{signature}",
    ),
    BuiltinTemplate(
        "introduction-ask",
        "Ask for an introduction",
        Channel.EMAIL,
        MessageKind.INTRODUCTION_ASK,
        "Would you introduce me to {referral_name}?",
        "Hi {first_name},\n\n"
        "Thank you again for mentioning {referral_name}. Would you be comfortable "
        "introducing us? A short note saying I am exploring {my_interest} would be plenty, "
        "and I am happy to send a blurb you can forward.\n\n"
        "{signature}",
    ),
    BuiltinTemplate(
        "thank-you",
        "Thank-you (within 24 hours)",
        Channel.EMAIL,
        MessageKind.THANK_YOU,
        "Thank you, {first_name}",
        "Hi {first_name},\n\n"
        "Thank you for your time and candour today. A few things you said that I am "
        "taking with me:\n\n"
        "{specific_points}\n\n"
        "I will let you know what I do with your advice.\n\n"
        "{signature}",
    ),
    BuiltinTemplate(
        "report-back",
        "Report-back (one week later)",
        Channel.EMAIL,
        MessageKind.REPORT_BACK,
        "What I did with your advice",
        "Hi {first_name},\n\n"
        "Last week you gave me some generous advice, and I wanted to tell you what I did "
        "with it:\n\n"
        "{action_items_done}\n\n"
        "Thank you again: it made a real difference.\n\n"
        "{signature}",
    ),
    BuiltinTemplate(
        "update",
        "Update (stay in touch)",
        Channel.EMAIL,
        MessageKind.UPDATE,
        "An update from {my_first_name}",
        "Hi {first_name},\n\n"
        "I hope all is well at {organization}. A quick update since we last spoke:\n\n"
        "{recent_progress}\n\n"
        "How are things on your side?\n\n"
        "{signature}",
    ),
    # Today's "thank the introducer" opens this one by its key.
    BuiltinTemplate(
        "thank-introducer",
        "Thank the introducer",
        Channel.EMAIL,
        MessageKind.UPDATE,
        "Thank you for introducing me to {referral_name}",
        "Hi {first_name},\n\n"
        "Thank you for introducing me to {referral_name}. We have now talked, and it was "
        "exactly the conversation I was hoping for.\n\n"
        "I am grateful you made the connection, and I will keep you posted.\n\n"
        "{signature}",
    ),
)

# Built-ins for one situation, opened by key (Today's links); never the default for their kind.
SITUATIONAL_KEYS = frozenset({"thank-introducer"})
