"""A conversation's question plan, interview-mode notes, and the question bank.

Mounted at ``/conversations`` beside ``api/conversations.py`` (its paths all
continue after the id with ``/plan`` or ``/interview``) and at ``/questions``.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, now
from coffeechat.api.conversations import ConversationOut
from coffeechat.domain.questions import Role
from coffeechat.services.conversations import interview
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.prep import plans, questions
from coffeechat.services.prep.plans import PlanView

router = Router(tags=["question plans"])
bank_router = Router(tags=["question bank"])


class LineOut(Schema):
    id: int = Field(description="The plan line's id (for PATCH, DELETE and move).")
    question_id: int
    text: str
    role: Role
    minutes: int
    start: int | None = Field(description="Minute of the call it starts; null when left out.")
    end: int | None
    asked: bool
    findable_online: bool
    left_out_reason: str | None = Field(description="Why it did not fit; null when it fits.")


class PlanOut(Schema):
    conversation_id: int
    length: int = Field(description="The agreed length in minutes.")
    margin: int = Field(description="Minutes kept for rapport and the goodbye.")
    budget: int
    used: int
    spare: int
    lines: list[LineOut] = Field(description="What fits, in asking order.")
    left_out: list[LineOut] = Field(description="Picks that did not fit, with the reason.")
    warnings: list[str]


def plan_out(view: PlanView) -> PlanOut:
    return PlanOut(**view.as_dict())


class PlanIn(Schema):
    question_ids: list[int] = Field(description="The whole plan, in asking order.")


class LineIn(Schema):
    question_id: int


class LinePatch(Schema):
    minutes: int | None = Field(None, description="1-20; null for the question's own minutes.")
    asked: bool | None = None


class MoveIn(Schema):
    direction: Literal["up", "down"]


@router.get(
    "/{conversation_id}/plan", response={200: PlanOut, **READ_ERRORS}, summary="Question plan"
)
def get_plan(request: HttpRequest, conversation_id: int):
    """The opener, the picks and the closing question fitted into the length minus the margin;
    ``left_out`` says which picks did not fit and why."""
    return plan_out(plans.get_plan(request.auth, conversation_id))


@router.put(
    "/{conversation_id}/plan",
    response={200: PlanOut, **WRITE_ERRORS},
    summary="Replace the question plan",
)
def put_plan(request: HttpRequest, conversation_id: int, payload: PlanIn):
    """Questions already planned keep their line and asked mark; others are removed."""
    return plan_out(plans.replace_plan(request.auth, conversation_id, payload.question_ids))


@router.post(
    "/{conversation_id}/plan/lines",
    response={201: PlanOut, **WRITE_ERRORS},
    summary="Add a question to the plan",
)
def add_line(request: HttpRequest, conversation_id: int, payload: LineIn):
    """The first pick brings your opener and closing question with it."""
    plans.add_question(request.auth, conversation_id, payload.question_id)
    return Status(201, plan_out(plans.get_plan(request.auth, conversation_id)))


@router.patch(
    "/{conversation_id}/plan/lines/{line_id}",
    response={200: PlanOut, **WRITE_ERRORS},
    summary="Change a line's minutes or asked mark",
)
def patch_line(request: HttpRequest, conversation_id: int, line_id: int, payload: LinePatch):
    plans.set_line(request.auth, conversation_id, line_id, payload.dict(exclude_unset=True))
    return plan_out(plans.get_plan(request.auth, conversation_id))


@router.post(
    "/{conversation_id}/plan/lines/{line_id}/move",
    response={200: PlanOut, **WRITE_ERRORS},
    summary="Move a pick up or down",
)
def move_line(request: HttpRequest, conversation_id: int, line_id: int, payload: MoveIn):
    plans.move_line(request.auth, conversation_id, line_id, payload.direction)
    return plan_out(plans.get_plan(request.auth, conversation_id))


@router.delete(
    "/{conversation_id}/plan/lines/{line_id}",
    response={204: None, **WRITE_ERRORS},
    summary="Remove a question from the plan",
)
def delete_line(request: HttpRequest, conversation_id: int, line_id: int):
    """The question stays in your bank."""
    plans.remove_line(request.auth, conversation_id, line_id)
    return Status(204, None)


class InterviewNoteIn(Schema):
    text: str = Field(description="The box's whole text; empty moves the note to the trash.")


class InterviewNoteOut(Schema):
    question_id: int
    text: str
    highlight: bool
    saved_at: datetime | None


@router.put(
    "/{conversation_id}/interview/notes/{question_id}",
    response={200: InterviewNoteOut, **WRITE_ERRORS},
    summary="Autosave the note of one question",
)
def save_interview_note(
    request: HttpRequest, conversation_id: int, question_id: int, payload: InterviewNoteIn
):
    """Idempotent: sending the same text again changes nothing, so clients may retry freely."""
    note = interview.save_note(request.auth, conversation_id, question_id, payload.text, now())
    return InterviewNoteOut(
        question_id=question_id,
        text=note.text if note else "",
        highlight=bool(note and note.highlight),
        saved_at=note.updated_at if note else None,
    )


@router.post(
    "/{conversation_id}/interview/start-now",
    response={200: ConversationOut, **WRITE_ERRORS},
    summary="Start a call that was never booked",
)
def start_unbooked(request: HttpRequest, conversation_id: int):
    """Books the interview as this minute in your zone for the planned length and starts
    the clock; a held, thanked or closed conversation is 422 and nothing changes."""
    interview.start_unbooked(request.auth, conversation_id, now())
    return owned_conversation(request.auth, conversation_id)


# -- the question bank ---------------------------------------------------------------


class QuestionOut(Schema):
    id: int
    text: str
    category: str
    tiara: str
    minutes: int
    findable_online: bool
    builtin: bool
    hidden: bool
    role: str


class QuestionIn(Schema):
    text: str
    category: str
    tiara: str
    minutes: int = 3
    findable_online: bool = False


class QuestionPatch(Schema):
    text: str | None = None
    category: str | None = None
    tiara: str | None = None
    minutes: int | None = None
    findable_online: bool | None = None
    hidden: bool | None = None


@bank_router.get("", response=list[QuestionOut], summary="Your question bank")
def list_questions(
    request: HttpRequest,
    category: str = "",
    tiara: str = "",
    q: str = "",
    show: Literal["visible", "hidden", "all"] = "visible",
):
    questions.ensure_question_bank(request.auth)
    return questions.bank(request.auth, category=category, tiara=tiara, query=q, show=show)


@bank_router.post("", response={201: QuestionOut, **WRITE_ERRORS}, summary="Add a question")
def create_question(request: HttpRequest, payload: QuestionIn):
    return Status(201, questions.create_question(request.auth, payload.dict()))


@bank_router.patch(
    "/{question_id}", response={200: QuestionOut, **WRITE_ERRORS}, summary="Edit or hide"
)
def patch_question(request: HttpRequest, question_id: int, payload: QuestionPatch):
    return questions.patch_question(request.auth, question_id, payload.dict(exclude_unset=True))


@bank_router.delete(
    "/{question_id}", response={204: None, **WRITE_ERRORS}, summary="Trash your own question"
)
def delete_question(request: HttpRequest, question_id: int):
    """Built-in questions are hidden (PATCH ``hidden``), not deleted: 422."""
    questions.trash_question(request.auth, question_id, now())
    return Status(204, None)
