"""The questions coffeechat ships with, written for informational interviews.

Every question is open-ended (it cannot be answered with yes or no) and asks
for what only this person can tell: their path, their week, their view of the
field. The few flagged ``findable_online`` are kept on purpose, so the bank can
warn a user who picks one: asking what a web search answers spends the
other person's time and signals no preparation.

``key`` is stable: it is how seeding recognises a built-in question the user
already has (even after they edited its text), so keys are never reused.
``role`` marks the planner's opener and closing question.
"""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.domain.vocabulary import QuestionCategory as C
from coffeechat.domain.vocabulary import Tiara as T

OPENER = "opener"
CLOSER = "closer"


@dataclass(frozen=True, slots=True)
class BankQuestion:
    key: str
    category: C
    tiara: T
    minutes: int
    text: str
    findable_online: bool = False
    role: str = ""


def _q(
    key: str,
    category: C,
    tiara: T,
    minutes: int,
    text: str,
    *,
    online: bool = False,
    role: str = "",
) -> BankQuestion:
    return BankQuestion(key, category, tiara, minutes, text, online, role)


QUESTIONS: tuple[BankQuestion, ...] = (
    # -- opener and closing question: the planner puts them first and last -----
    _q(
        "opener-story",
        C.PATH,
        T.INSIGHTS,
        3,
        "To start, could you tell me a little about what you do now and how you came to it?",
        role=OPENER,
    ),
    _q(
        "closer-who-else",
        C.NEXT_STEPS,
        T.RESOURCES,
        2,
        "Who else do you think I should talk to as I explore this field? "
        "Would you be comfortable introducing us?",
        role=CLOSER,
    ),
    # -- path into the field ----------------------------------------------------
    _q(
        "path-first-break",
        C.PATH,
        T.INSIGHTS,
        4,
        "What was your first real break into this field, and what made it happen?",
    ),
    _q(
        "path-turning-point",
        C.PATH,
        T.INSIGHTS,
        4,
        "Looking back, which decision or turning point shaped your career the most?",
    ),
    _q(
        "path-same-again",
        C.PATH,
        T.ADVICE,
        4,
        "If you were starting over today, what would you do the same way and what differently?",
    ),
    _q(
        "path-expected",
        C.PATH,
        T.INSIGHTS,
        3,
        "How is the job different from what you expected before you got into it?",
    ),
    _q(
        "path-background",
        C.PATH,
        T.INSIGHTS,
        3,
        "Which parts of your earlier jobs or studies turned out to matter most here?",
    ),
    _q(
        "path-common-routes",
        C.PATH,
        T.INSIGHTS,
        3,
        "What routes into this work do you see among your colleagues, and "
        "which seem to work best now?",
    ),
    _q(
        "path-changer",
        C.PATH,
        T.ADVICE,
        4,
        "How do people coming from a different field, as I am, usually make the move?",
    ),
    _q(
        "path-almost-left",
        C.PATH,
        T.INSIGHTS,
        4,
        "What moments made you consider leaving this path, and what kept you in it?",
    ),
    _q(
        "path-next-for-you",
        C.PATH,
        T.INSIGHTS,
        3,
        "Where do people in your role usually go next, and where do you hope to go?",
    ),
    _q(
        "path-entry-titles",
        C.PATH,
        T.INSIGHTS,
        2,
        "What job titles do entry-level roles in this field go by?",
        online=True,
    ),
    # -- day-to-day ----------------------------------------------------------------
    _q(
        "day-last-week",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        4,
        "Could you walk me through what you actually did last week?",
    ),
    _q(
        "day-time-split",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "How is your time split between focused work, meetings and working with people?",
    ),
    _q(
        "day-best-part",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "What part of your work gives you the most energy, and which part drains it?",
    ),
    _q(
        "day-recent-project",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        5,
        "Could you tell me about a recent project you're proud of, and what your part in it was?",
    ),
    _q(
        "day-decisions",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "Which decisions are yours to make, and which do you take to others?",
    ),
    _q(
        "day-tools",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "Which tools or methods do you rely on that someone outside the field wouldn't guess?",
    ),
    _q(
        "day-who-you-work-with",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "Who do you work with most closely, and what do they need from you?",
    ),
    _q(
        "day-good-day",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "What does a really good day look like for you, and how often do you get one?",
    ),
    _q(
        "day-success",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "How do you know you've done a good job: what gets measured, and what actually matters?",
    ),
    _q(
        "day-hours",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "How predictable are your hours, and how do busy seasons change them?",
    ),
    _q(
        "day-what-company-does",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        2,
        "What does your organization do?",
        online=True,
    ),
    # -- challenges -------------------------------------------------------------------
    _q(
        "challenge-hardest",
        C.CHALLENGES,
        T.INSIGHTS,
        4,
        "What is the hardest part of your job that people outside it don't see?",
    ),
    _q(
        "challenge-recent-problem",
        C.CHALLENGES,
        T.INSIGHTS,
        4,
        "Could you tell me about a recent problem at work and how you worked through it?",
    ),
    _q(
        "challenge-newcomers",
        C.CHALLENGES,
        T.INSIGHTS,
        3,
        "Where do newcomers to this field most often struggle in their first year?",
    ),
    _q(
        "challenge-keeps-up-at-night",
        C.CHALLENGES,
        T.INSIGHTS,
        3,
        "What worries people in your team most right now?",
    ),
    _q(
        "challenge-tradeoffs",
        C.CHALLENGES,
        T.INSIGHTS,
        4,
        "Which trade-offs come with this career that you wish someone had told you about?",
    ),
    _q(
        "challenge-burnout",
        C.CHALLENGES,
        T.ADVICE,
        3,
        "How do you keep the demanding parts of the work sustainable over the years?",
    ),
    _q(
        "challenge-disagree",
        C.CHALLENGES,
        T.INSIGHTS,
        3,
        "When you disagree with a decision at work, how do you handle it?",
    ),
    _q(
        "challenge-frustrations",
        C.CHALLENGES,
        T.INSIGHTS,
        3,
        "What frustrates you most about how things work in this industry?",
    ),
    _q(
        "challenge-mistake",
        C.CHALLENGES,
        T.ADVICE,
        4,
        "What is a mistake you made early on that taught you something you still use?",
    ),
    # -- industry trends -------------------------------------------------------------------
    _q(
        "trend-changing",
        C.TRENDS,
        T.TRENDS,
        4,
        "How has your field changed since you started, and what is changing fastest now?",
    ),
    _q(
        "trend-five-years",
        C.TRENDS,
        T.TRENDS,
        4,
        "Where do you think this work is heading over the next five years?",
    ),
    _q(
        "trend-automation",
        C.TRENDS,
        T.TRENDS,
        4,
        "How are AI and automation changing your work day to day, and what do "
        "you think they won't change?",
    ),
    _q(
        "trend-skills-rising",
        C.TRENDS,
        T.TRENDS,
        3,
        "Which skills are becoming more valuable in your field, and which less?",
    ),
    _q(
        "trend-hiring",
        C.TRENDS,
        T.TRENDS,
        3,
        "How has hiring for roles like yours changed in the last couple of years?",
    ),
    _q(
        "trend-overhyped",
        C.TRENDS,
        T.TRENDS,
        3,
        "What gets a lot of attention in the industry right now that you think is overrated?",
    ),
    _q(
        "trend-underrated",
        C.TRENDS,
        T.TRENDS,
        3,
        "What is happening in the field that deserves more attention than it gets?",
    ),
    _q(
        "trend-organization-response",
        C.TRENDS,
        T.TRENDS,
        3,
        "How is your organization responding to the changes you see in the field?",
    ),
    _q(
        "trend-market-size",
        C.TRENDS,
        T.TRENDS,
        2,
        "How big is this industry, and how fast is it growing?",
        online=True,
    ),
    _q(
        "trend-salary",
        C.TRENDS,
        T.TRENDS,
        2,
        "What is the average salary for this role?",
        online=True,
    ),
    # -- skills and training -------------------------------------------------------------------
    _q(
        "skill-most-important",
        C.SKILLS,
        T.INSIGHTS,
        3,
        "Which skills matter most for doing this job well, beyond what the job descriptions list?",
    ),
    _q(
        "skill-learned-on-job",
        C.SKILLS,
        T.INSIGHTS,
        3,
        "What did you have to learn on the job that no course prepared you for?",
    ),
    _q(
        "skill-my-gap",
        C.SKILLS,
        T.ADVICE,
        5,
        "From what I've told you about my background, which gap would you close first?",
    ),
    _q(
        "skill-transferable",
        C.SKILLS,
        T.ADVICE,
        4,
        "Which of the skills I bring from my current work would carry over, "
        "and how would you present them?",
    ),
    _q(
        "skill-credentials",
        C.SKILLS,
        T.ADVICE,
        3,
        "How much do degrees and certificates count in practice, compared "
        "with experience and a portfolio?",
    ),
    _q(
        "skill-practice",
        C.SKILLS,
        T.ASSIGNMENTS,
        4,
        "What small project could I do to practise the real work and see whether I enjoy it?",
    ),
    _q(
        "skill-how-you-learn",
        C.SKILLS,
        T.RESOURCES,
        3,
        "How do you keep your own skills current: what do you read, follow or practise?",
    ),
    _q(
        "skill-stand-out",
        C.SKILLS,
        T.INSIGHTS,
        3,
        "When you've seen candidates stand out, what had they done?",
    ),
    _q(
        "skill-soft",
        C.SKILLS,
        T.INSIGHTS,
        3,
        "Which people skills make the biggest difference in this role?",
    ),
    _q(
        "skill-degree-requirements",
        C.SKILLS,
        T.RESOURCES,
        2,
        "What degree do I need to apply for this job?",
        online=True,
    ),
    # -- culture -------------------------------------------------------------------
    _q(
        "culture-describe",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "How would you describe the culture of your team to a friend?",
    ),
    _q(
        "culture-who-thrives",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "What kind of person thrives in your organization, and who tends to struggle?",
    ),
    _q(
        "culture-feedback",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "How do feedback and recognition work where you are?",
    ),
    _q(
        "culture-growth",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "How do people grow here: who decides, and what does it take?",
    ),
    _q(
        "culture-remote",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "How does your team make remote or hybrid work actually work?",
    ),
    _q(
        "culture-values-in-practice",
        C.CULTURE,
        T.INSIGHTS,
        4,
        "When have you seen your organization's values show in a hard decision?",
    ),
    _q(
        "culture-vs-others",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "How does working here compare with other places you've worked in the same field?",
    ),
    _q(
        "culture-onboarding",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "What was your first three months like, and what helped you find your feet?",
    ),
    _q(
        "culture-mission",
        C.CULTURE,
        T.INSIGHTS,
        2,
        "What is your organization's mission statement?",
        online=True,
    ),
    # -- advice -------------------------------------------------------------------
    _q(
        "advice-wish-knew",
        C.ADVICE,
        T.ADVICE,
        3,
        "What do you wish someone had told you when you were where I am now?",
    ),
    _q(
        "advice-in-my-shoes",
        C.ADVICE,
        T.ADVICE,
        4,
        "If you were in my position, what would you do in the next three months?",
    ),
    _q(
        "advice-test-fit",
        C.ADVICE,
        T.ASSIGNMENTS,
        4,
        "How could I find out whether this work suits me before committing to it?",
    ),
    _q(
        "advice-red-flags",
        C.ADVICE,
        T.ADVICE,
        3,
        "What would make you tell someone that this field is not for them?",
    ),
    _q(
        "advice-avoid",
        C.ADVICE,
        T.ADVICE,
        3,
        "Which common moves by people trying to get into the field would you avoid?",
    ),
    _q(
        "advice-how-i-come-across",
        C.ADVICE,
        T.ADVICE,
        4,
        "Based on our conversation, how would I come across to someone hiring in your field?",
    ),
    _q(
        "advice-specialise",
        C.ADVICE,
        T.ADVICE,
        3,
        "How do you weigh specialising early against staying broad, and what did you do?",
    ),
    _q(
        "advice-best-advice",
        C.ADVICE,
        T.ADVICE,
        3,
        "What is the best career advice you've ever been given?",
    ),
    _q(
        "advice-story",
        C.ADVICE,
        T.ADVICE,
        3,
        "How would you suggest I tell the story of my career change so it makes sense?",
    ),
    _q(
        "culture-headcount",
        C.CULTURE,
        T.INSIGHTS,
        2,
        "How many people work at your organization, and where are its offices?",
        online=True,
    ),
    # -- resources and next steps -------------------------------------------------------------
    _q(
        "next-read-follow",
        C.NEXT_STEPS,
        T.RESOURCES,
        3,
        "Which books, newsletters, podcasts or people do you follow to stay on top of the field?",
    ),
    _q(
        "next-communities",
        C.NEXT_STEPS,
        T.RESOURCES,
        3,
        "Which professional groups, meetups or conferences are worth my time?",
    ),
    _q(
        "next-organizations",
        C.NEXT_STEPS,
        T.RESOURCES,
        3,
        "Which organizations do you think do this kind of work especially well?",
    ),
    _q(
        "next-one-step",
        C.NEXT_STEPS,
        T.ASSIGNMENTS,
        3,
        "What is one thing you'd suggest I do this month to move forward?",
    ),
    _q(
        "next-keep-in-touch",
        C.NEXT_STEPS,
        T.RESOURCES,
        2,
        "How would you like me to keep you posted on how my exploration goes?",
    ),
    _q(
        "next-course",
        C.NEXT_STEPS,
        T.RESOURCES,
        3,
        "Which course or training would you recommend to someone starting from zero, and why?",
    ),
    _q(
        "next-volunteer",
        C.NEXT_STEPS,
        T.ASSIGNMENTS,
        3,
        "Where could I get real experience through volunteer roles or side projects?",
    ),
    _q(
        "next-where-jobs",
        C.NEXT_STEPS,
        T.RESOURCES,
        3,
        "Where do the good opportunities in this field get shared, beyond the job boards?",
    ),
    _q(
        "next-people-different",
        C.NEXT_STEPS,
        T.RESOURCES,
        3,
        "Who has a very different view of this field from yours that I should hear as well?",
    ),
    _q(
        "next-job-boards",
        C.NEXT_STEPS,
        T.RESOURCES,
        2,
        "Which job boards list openings in this field?",
        online=True,
    ),
    # -- more depth where interviews usually go -------------------------------------------
    _q(
        "path-mentors",
        C.PATH,
        T.INSIGHTS,
        3,
        "Who helped you most along the way, and how did that relationship start?",
    ),
    _q(
        "day-surprise",
        C.DAY_TO_DAY,
        T.INSIGHTS,
        3,
        "What part of your work would surprise someone who only knows the job title?",
    ),
    _q(
        "challenge-pressure",
        C.CHALLENGES,
        T.INSIGHTS,
        3,
        "Where does the pressure in your job come from: deadlines, clients, "
        "stakes, or something else?",
    ),
    _q(
        "trend-entry-level",
        C.TRENDS,
        T.TRENDS,
        3,
        "How do you see the changes in the field affecting people just starting out?",
    ),
    _q(
        "skill-portfolio",
        C.SKILLS,
        T.ASSIGNMENTS,
        4,
        "What would a convincing portfolio or work sample look like for someone like me?",
    ),
    _q(
        "culture-meetings",
        C.CULTURE,
        T.INSIGHTS,
        3,
        "How are decisions made in your team: in meetings, in writing, or by one person?",
    ),
    _q(
        "advice-next-conversations",
        C.ADVICE,
        T.ADVICE,
        3,
        "What should I ask the next people I talk to, to get the most out of those conversations?",
    ),
)


def question_keys() -> list[str]:
    """Every built-in key, in bank order.

    >>> keys = question_keys()
    >>> len(keys) == len(set(keys)) and len(keys) >= 80
    True
    """
    return [question.key for question in QUESTIONS]
