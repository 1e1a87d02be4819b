"""The questions coffeechat ships with, written for informational interviews.

Every question is open-ended (it cannot be answered with yes or no) and asks
for what only this person can tell: their path, their week, their view of the
field. The few flagged ``online`` (could be found online) are kept on purpose,
so the bank can warn a user who picks one: asking what a web search answers
spends the other person's time and signals no preparation.

The table below is the source: one record per question, a header line
``key | category | TIARA tag | minutes | flags`` and the question on the
indented lines under it. ``key`` is stable: it is how seeding recognises a
built-in question the user already has (even after they edited its text), so
keys are never reused. The flags ``opener`` and ``closer`` mark the planner's
opener and closing question.
"""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.domain.vocabulary import QuestionCategory, Tiara

OPENER = "opener"
CLOSER = "closer"


@dataclass(frozen=True, slots=True)
class BankQuestion:
    key: str
    category: QuestionCategory
    tiara: Tiara
    minutes: int
    text: str
    findable_online: bool = False
    role: str = ""


_TABLE = """
opener-story | path | insights | 3 | opener
    To start, could you tell me a little about what you do now and how you came to it?
closer-who-else | next-steps | resources | 2 | closer
    Who else do you think I should talk to as I explore this field? Would you be comfortable
    introducing us?

path-first-break | path | insights | 4 | -
    What was your first real break into this field, and what made it happen?
path-turning-point | path | insights | 4 | -
    Looking back, which decision or turning point shaped your career the most?
path-same-again | path | advice | 4 | -
    If you were starting over today, what would you do the same way and what differently?
path-expected | path | insights | 3 | -
    How is the job different from what you expected before you got into it?
path-background | path | insights | 3 | -
    Which parts of your earlier jobs or studies turned out to matter most here?
path-common-routes | path | insights | 3 | -
    What routes into this work do you see among your colleagues, and which seem to work best
    now?
path-changer | path | advice | 4 | -
    How do people coming from a different field, as I am, usually make the move?
path-almost-left | path | insights | 4 | -
    What moments made you consider leaving this path, and what kept you in it?
path-next-for-you | path | insights | 3 | -
    Where do people in your role usually go next, and where do you hope to go?
path-entry-titles | path | insights | 2 | online
    What job titles do entry-level roles in this field go by?

day-last-week | day-to-day | insights | 4 | -
    Could you walk me through what you actually did last week?
day-time-split | day-to-day | insights | 3 | -
    How is your time split between focused work, meetings and working with people?
day-best-part | day-to-day | insights | 3 | -
    What part of your work gives you the most energy, and which part drains it?
day-recent-project | day-to-day | insights | 5 | -
    Could you tell me about a recent project you're proud of, and what your part in it was?
day-decisions | day-to-day | insights | 3 | -
    Which decisions are yours to make, and which do you take to others?
day-tools | day-to-day | insights | 3 | -
    Which tools or methods do you rely on that someone outside the field wouldn't guess?
day-who-you-work-with | day-to-day | insights | 3 | -
    Who do you work with most closely, and what do they need from you?
day-good-day | day-to-day | insights | 3 | -
    What does a really good day look like for you, and how often do you get one?
day-success | day-to-day | insights | 3 | -
    How do you know you've done a good job: what gets measured, and what actually matters?
day-hours | day-to-day | insights | 3 | -
    How predictable are your hours, and how do busy seasons change them?
day-what-company-does | day-to-day | insights | 2 | online
    What does your organization do?

challenge-hardest | challenges | insights | 4 | -
    What is the hardest part of your job that people outside it don't see?
challenge-recent-problem | challenges | insights | 4 | -
    Could you tell me about a recent problem at work and how you worked through it?
challenge-newcomers | challenges | insights | 3 | -
    Where do newcomers to this field most often struggle in their first year?
challenge-keeps-up-at-night | challenges | insights | 3 | -
    What worries people in your team most right now?
challenge-tradeoffs | challenges | insights | 4 | -
    Which trade-offs come with this career that you wish someone had told you about?
challenge-burnout | challenges | advice | 3 | -
    How do you keep the demanding parts of the work sustainable over the years?
challenge-disagree | challenges | insights | 3 | -
    When you disagree with a decision at work, how do you handle it?
challenge-frustrations | challenges | insights | 3 | -
    What frustrates you most about how things work in this industry?
challenge-mistake | challenges | advice | 4 | -
    What is a mistake you made early on that taught you something you still use?

trend-changing | trends | trends | 4 | -
    How has your field changed since you started, and what is changing fastest now?
trend-five-years | trends | trends | 4 | -
    Where do you think this work is heading over the next five years?
trend-automation | trends | trends | 4 | -
    How are AI and automation changing your work day to day, and what do you think they won't
    change?
trend-skills-rising | trends | trends | 3 | -
    Which skills are becoming more valuable in your field, and which less?
trend-hiring | trends | trends | 3 | -
    How has hiring for roles like yours changed in the last couple of years?
trend-overhyped | trends | trends | 3 | -
    What gets a lot of attention in the industry right now that you think is overrated?
trend-underrated | trends | trends | 3 | -
    What is happening in the field that deserves more attention than it gets?
trend-organization-response | trends | trends | 3 | -
    How is your organization responding to the changes you see in the field?
trend-market-size | trends | trends | 2 | online
    How big is this industry, and how fast is it growing?
trend-salary | trends | trends | 2 | online
    What is the average salary for this role?

skill-most-important | skills | insights | 3 | -
    Which skills matter most for doing this job well, beyond what the job descriptions list?
skill-learned-on-job | skills | insights | 3 | -
    What did you have to learn on the job that no course prepared you for?
skill-my-gap | skills | advice | 5 | -
    From what I've told you about my background, which gap would you close first?
skill-transferable | skills | advice | 4 | -
    Which of the skills I bring from my current work would carry over, and how would you
    present them?
skill-credentials | skills | advice | 3 | -
    How much do degrees and certificates count in practice, compared with experience and a
    portfolio?
skill-practice | skills | assignments | 4 | -
    What small project could I do to practise the real work and see whether I enjoy it?
skill-how-you-learn | skills | resources | 3 | -
    How do you keep your own skills current: what do you read, follow or practise?
skill-stand-out | skills | insights | 3 | -
    When you've seen candidates stand out, what had they done?
skill-soft | skills | insights | 3 | -
    Which people skills make the biggest difference in this role?
skill-degree-requirements | skills | resources | 2 | online
    What degree do I need to apply for this job?

culture-describe | culture | insights | 3 | -
    How would you describe the culture of your team to a friend?
culture-who-thrives | culture | insights | 3 | -
    What kind of person thrives in your organization, and who tends to struggle?
culture-feedback | culture | insights | 3 | -
    How do feedback and recognition work where you are?
culture-growth | culture | insights | 3 | -
    How do people grow here: who decides, and what does it take?
culture-remote | culture | insights | 3 | -
    How does your team make remote or hybrid work actually work?
culture-values-in-practice | culture | insights | 4 | -
    When have you seen your organization's values show in a hard decision?
culture-vs-others | culture | insights | 3 | -
    How does working here compare with other places you've worked in the same field?
culture-onboarding | culture | insights | 3 | -
    What was your first three months like, and what helped you find your feet?
culture-mission | culture | insights | 2 | online
    What is your organization's mission statement?

advice-wish-knew | advice | advice | 3 | -
    What do you wish someone had told you when you were where I am now?
advice-in-my-shoes | advice | advice | 4 | -
    If you were in my position, what would you do in the next three months?
advice-test-fit | advice | assignments | 4 | -
    How could I find out whether this work suits me before committing to it?
advice-red-flags | advice | advice | 3 | -
    What would make you tell someone that this field is not for them?
advice-avoid | advice | advice | 3 | -
    Which common moves by people trying to get into the field would you avoid?
advice-how-i-come-across | advice | advice | 4 | -
    Based on our conversation, how would I come across to someone hiring in your field?
advice-specialise | advice | advice | 3 | -
    How do you weigh specialising early against staying broad, and what did you do?
advice-best-advice | advice | advice | 3 | -
    What is the best career advice you've ever been given?
advice-story | advice | advice | 3 | -
    How would you suggest I tell the story of my career change so it makes sense?

culture-headcount | culture | insights | 2 | online
    How many people work at your organization, and where are its offices?

next-read-follow | next-steps | resources | 3 | -
    Which books, newsletters, podcasts or people do you follow to stay on top of the field?
next-communities | next-steps | resources | 3 | -
    Which professional groups, meetups or conferences are worth my time?
next-organizations | next-steps | resources | 3 | -
    Which organizations do you think do this kind of work especially well?
next-one-step | next-steps | assignments | 3 | -
    What is one thing you'd suggest I do this month to move forward?
next-keep-in-touch | next-steps | resources | 2 | -
    How would you like me to keep you posted on how my exploration goes?
next-course | next-steps | resources | 3 | -
    Which course or training would you recommend to someone starting from zero, and why?
next-volunteer | next-steps | assignments | 3 | -
    Where could I get real experience through volunteer roles or side projects?
next-where-jobs | next-steps | resources | 3 | -
    Where do the good opportunities in this field get shared, beyond the job boards?
next-people-different | next-steps | resources | 3 | -
    Who has a very different view of this field from yours that I should hear as well?
next-job-boards | next-steps | resources | 2 | online
    Which job boards list openings in this field?

path-mentors | path | insights | 3 | -
    Who helped you most along the way, and how did that relationship start?

day-surprise | day-to-day | insights | 3 | -
    What part of your work would surprise someone who only knows the job title?

challenge-pressure | challenges | insights | 3 | -
    Where does the pressure in your job come from: deadlines, clients, stakes, or something
    else?

trend-entry-level | trends | trends | 3 | -
    How do you see the changes in the field affecting people just starting out?

skill-portfolio | skills | assignments | 4 | -
    What would a convincing portfolio or work sample look like for someone like me?

culture-meetings | culture | insights | 3 | -
    How are decisions made in your team: in meetings, in writing, or by one person?

advice-next-conversations | advice | advice | 3 | -
    What should I ask the next people I talk to, to get the most out of those conversations?
"""


def parse_table(table: str) -> tuple[BankQuestion, ...]:
    """Records of a header line and indented text lines; blank lines separate groups.

    >>> q = parse_table('''
    ... day-x | day-to-day | insights | 3 | online
    ...     What does your
    ...     organization do?
    ... ''')[0]
    >>> q.key, q.category.value, q.minutes, q.text, q.findable_online, q.role
    ('day-x', 'day-to-day', 3, 'What does your organization do?', True, '')
    """
    records: list[tuple[str, list[str]]] = []
    for line in table.splitlines():
        if not line.strip():
            continue
        if line.startswith(" "):
            records[-1][1].append(line.strip())
        else:
            records.append((line, []))
    return tuple(_question(header, " ".join(words)) for header, words in records)


def _question(header: str, text: str) -> BankQuestion:
    key, category, tiara, minutes, flags = (part.strip() for part in header.split("|"))
    marks = set(flags.split(","))
    role = OPENER if OPENER in marks else CLOSER if CLOSER in marks else ""
    return BankQuestion(
        key=key,
        category=QuestionCategory(category),
        tiara=Tiara(tiara),
        minutes=int(minutes),
        text=text,
        findable_online="online" in marks,
        role=role,
    )


QUESTIONS: tuple[BankQuestion, ...] = parse_table(_TABLE)


def question_keys() -> list[str]:
    """Every built-in key, in bank order.

    >>> keys = question_keys()
    >>> len(keys) == len(set(keys)) and len(keys) >= 80
    True
    """
    return [question.key for question in QUESTIONS]
