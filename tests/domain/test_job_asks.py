"""The job-ask corpus: what a first message must not ask, and the reassurances that may say it."""

from __future__ import annotations

import pytest

from coffeechat.domain.outreach import Draft, run_checks
from coffeechat.domain.outreach.job_asks import find_job_ask
from coffeechat.domain.vocabulary import Channel, MessageKind

# (sentence, the phrase the warning names)
ASKS = [
    ("I'm hoping to get my foot in the door at Acme.", "get my foot in the door"),
    ("Are there any roles you know of?", "any roles you know of"),
    ("Any roles you know of would be wonderful.", "Any roles you know of"),
    ("Are there any openings on your team?", "any openings"),
    ("Do you have openings on your team?", "Do you have openings"),
    ("I saw there are positions in your department.", "positions in your department"),
    ("Could you refer me for the analyst position?", "refer me"),
    ("Would you pass my resume along to the hiring manager?", "pass my resume"),
    ("Could you pass it along to your recruiter?", "pass it along"),
    ("Would you be willing to refer me?", "refer me"),
    ("I'd appreciate a referral.", "appreciate a referral"),
    ("I'd really appreciate an internal referral.", "appreciate an internal referral"),
    ("Is Acme hiring right now?", "Is Acme hiring"),
    ("Are you hiring for your research team?", "Are you hiring"),
    ("Do you know anyone who is hiring?", "anyone who is hiring"),
    ("Could you help me get a job at Acme?", "help me get a job"),
    ("I'm looking for a job in product.", "looking for a job"),
    ("I am hoping for an internship at your company.", "hoping for an internship"),
    ("Can you put in a good word for me?", "put in a good word"),
    ("Would you vouch for me with the team?", "vouch for me"),
    ("Would you review my resume?", "review my resume"),
    ("Could you take a look at my CV?", "look at my CV"),
    ("I'd love your feedback on my cover letter.", "feedback on my cover letter"),
    ("Can I send you my resume?", "send you my resume"),
    ("Please forward my CV to HR.", "forward my CV"),
    ("Let me know if anything opens up.", "anything opens up"),
    ("Please keep me in mind for future roles.", "keep me in mind"),
    ("I would love to be considered for the role.", "be considered for"),
    ("Would you consider me for a position?", "consider me for"),
    ("Do you have any internships this summer?", "Do you have any internships"),
    ("Any internship opportunities this summer?", "Any internship"),
    ("Could you introduce me to the hiring manager?", "introduce me to the hiring manager"),
    ("Could you connect me with a recruiter at Acme?", "connect me with a recruiter"),
    ("Is there a job for me at Acme?", "a job for me"),
    ("I'd love to join your team one day.", "love to join your team"),
    ("Who could help me land a role at Acme?", "help me land a role"),
    ("Are there job opportunities in your group?", "job opportunities"),
    ("Any vacancies at Acme?", "Any vacancies"),
    ("Could you flag my application to the team?", "flag my application"),
    ("I know you're not hiring, but could you refer me?", "refer me"),
    ("I'm not sure, but are there any open positions?", "open positions"),
]

NEGATIONS = [
    "I'm not asking for a job.",
    "I'm not looking for a referral.",
    "I am not looking for a job; I want to learn how you work.",
    "This isn't a request for a referral.",
    "I'm not trying to get my foot in the door, only to learn.",
    "I won't ask you to refer me.",
    "I'm not asking you to pass my resume along.",
    "No need to review my resume.",
    "I don't expect any openings or favours.",
    "I'm definitely not looking for a job.",
    "Not looking for a referral, just your perspective.",
    "I'm not here to ask for a job.",
    "I'm not asking you to refer me, only for advice.",
    "This is not about getting a job.",
    "I have no interest in asking for a referral.",
    "I'm not going to ask you for a job.",
    "I'd like to learn about your path without asking for a referral.",
    "I want to hear your story, rather than ask for a job.",
]

# Fair questions and mentions in an informational interview.
FAIR = [
    "What does your job involve day to day?",
    "How did you get your foot in the door?",
    "How did you find your first role?",
    "What roles exist on a product team?",
    "I did an internship in a lab last summer.",
    "Maya referred me to you.",
    "Is the industry hiring many juniors these days?",
    "Which job boards list openings in this field?",
    "What do you look for when you hire?",
    "How many people work at your company?",
    "How has hiring for roles like yours changed?",
    "I read your post on how your team reviews design work.",
]


@pytest.mark.parametrize(("sentence", "phrase"), ASKS)
def test_a_job_ask_is_found_and_its_phrase_shown(sentence, phrase):
    found = find_job_ask(sentence)
    assert found is not None, sentence
    assert found.group(0).lower() == phrase.lower()
    draft = Draft(channel=Channel.EMAIL, kind=MessageKind.REQUEST, subject="Hi", body=sentence)
    check = next(r for r in run_checks(draft) if r.id == "no-job-ask")
    assert not check.passed and f"“{found.group(0)}”" in check.message


@pytest.mark.parametrize("sentence", NEGATIONS + FAIR)
def test_a_negation_or_a_fair_question_raises_no_alarm(sentence):
    assert find_job_ask(sentence) is None, find_job_ask(sentence)


def test_the_corpus_is_wide_enough():
    assert len(ASKS) >= 30 and len(NEGATIONS) >= 15
