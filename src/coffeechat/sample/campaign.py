"""The hand-written part of the sample campaign: who Maya is and whom she talks to.

Plain data only; ``services.demo`` turns it into rows with dates relative to
"now". Maya Okafor is a high-school science teacher exploring three paths: UX
research, product management and data analysis. Names, organizations and
addresses are invented (the ``.example`` domains cannot exist).
"""

from __future__ import annotations

from dataclasses import dataclass

ZONE = "America/New_York"
COUNTRY = "US"

PROFILE: dict[str, object] = {
    "name": "Maya Okafor",
    "background": (
        "I have taught high-school science in Philadelphia for eight years and run our "
        "school's student-feedback program."
    ),
    "goals": (
        "Talk to at least 20 people across UX research, product management and data analysis "
        "by March; choose one path by spring and land a first role before the next school year."
    ),
    "interests": [
        {"name": "Understanding how people learn and decide", "weight": 5},
        {"name": "Interviewing and observation", "weight": 5},
        {"name": "Evidence and data", "weight": 4},
        {"name": "Building products people use", "weight": 4},
        {"name": "Education technology", "weight": 3},
    ],
    "skills": [
        {"name": "Explaining complex ideas simply", "weight": 5},
        {"name": "Classroom observation and feedback", "weight": 4},
        {"name": "Curriculum design", "weight": 4},
        {"name": "Spreadsheets and grade analytics", "weight": 3},
        {"name": "SQL (beginner)", "weight": 2},
    ],
    "values": [
        {"name": "Impact on learners", "weight": 5},
        {"name": "Collaboration", "weight": 4},
        {"name": "Continuous learning", "weight": 4},
        {"name": "Stability", "weight": 3},
        {"name": "Work-life balance", "weight": 3},
    ],
    "time_zone": ZONE,
    "holiday_country": COUNTRY,
    "availability": [
        {"weekday": 0, "start": "15:30", "end": "17:30"},
        {"weekday": 1, "start": "12:00", "end": "12:45"},
        {"weekday": 2, "start": "15:30", "end": "17:30"},
        {"weekday": 3, "start": "15:30", "end": "17:00"},
        {"weekday": 5, "start": "10:00", "end": "12:00"},
    ],
    "default_minutes": 30,
    "signature": "Maya Okafor\nScience teacher, Lincoln High School\nmaya.okafor@example.com",
    "elevator_pitch": (
        "I'm a science teacher of eight years. The part of teaching I love most is figuring "
        "out why a lesson works for some students and not others: I watch, I ask, I change "
        "the lesson and measure again. I'm now exploring roles where that loop is the whole "
        "job, such as UX research, product management or data analysis."
    ),
    "why_this_field": (
        "Every semester I interview students about how they study and redesign units from "
        "what I hear. I want to do that work for products that reach more people than one "
        "classroom, with more time for the research itself."
    ),
    "strict_length": False,
}


@dataclass(frozen=True)
class PathSpec:
    key: str
    title: str
    field: str
    status: str
    notes: str
    reviewed_days_ago: int | None


PATHS = (
    PathSpec(
        "ux",
        "UX research",
        "Technology / product design",
        "promising",
        "Hypothesis: classroom observation and student interviews are user research under "
        "another name. Gap: a portfolio and the methods vocabulary (diary studies, usability "
        "tests, synthesis).",
        40,
    ),
    PathSpec(
        "pm",
        "Product management",
        "Software",
        "exploring",
        "Hypothesis: running a classroom is prioritising under constraints with many "
        "stakeholders. Open question: how technical do PMs need to be?",
        20,
    ),
    PathSpec(
        "data",
        "Data analysis",
        "Analytics",
        "exploring",
        "Hypothesis: I enjoy the grade analytics more than I admit. Gap: SQL and a BI tool.",
        None,
    ),
)


@dataclass(frozen=True)
class OrgSpec:
    key: str
    name: str
    industry: str
    website: str
    motivation: int
    posting: int
    notes: str


ORGANIZATIONS = (
    OrgSpec(
        "brightpath",
        "Brightpath Learning",
        "Education technology",
        "https://www.brightpath.example",
        3,
        3,
        "K-12 learning platform; a UX research team of six that hires former teachers.",
    ),
    OrgSpec(
        "lumen",
        "Lumen Software",
        "B2B software",
        "https://lumen-software.example",
        3,
        2,
        "Makes scheduling software for schools and clinics; strong product culture.",
    ),
    OrgSpec(
        "meridian",
        "Meridian Health",
        "Healthcare",
        "https://www.meridianhealth.example",
        2,
        2,
        "Regional health system; patient-experience research and a large analytics group.",
    ),
    OrgSpec(
        "civic",
        "Civic Data Lab",
        "Nonprofit / civic technology",
        "https://civicdatalab.example",
        2,
        1,
        "Open-data nonprofit working with school districts.",
    ),
    OrgSpec(
        "harbor",
        "Harbor Community Bank",
        "Banking",
        "https://harborbank.example",
        1,
        3,
        "Many product openings in digital banking; less mission fit.",
    ),
    OrgSpec(
        "northwind",
        "Northwind Analytics",
        "Consulting",
        "https://northwind-analytics.example",
        2,
        2,
        "Analytics consultancy with an education practice.",
    ),
    OrgSpec(
        "city",
        "City of Philadelphia Office of Innovation",
        "Government",
        "https://innovation.phila.example",
        1,
        1,
        "Service design and data teams; slow hiring but meaningful work.",
    ),
    OrgSpec(
        "quill",
        "Quill Studio",
        "Design agency",
        "https://quillstudio.example",
        2,
        1,
        "Research-led design agency; clients in health and education.",
    ),
)


@dataclass(frozen=True)
class PersonSpec:
    """One hand-written contact. ``scenario`` names what happens in their conversation."""

    key: str
    first: str
    last: str
    org: str | None
    title: str
    source: str
    connection: str
    research: str = ""
    paths: tuple[str, ...] = ()
    scenario: str = "none"
    path: str | None = None  # the career path the conversation explores
    location: str = "Philadelphia, PA"
    time_zone: str = ""
    cadence_days: int | None = None
    do_not_contact: bool = False
    referred_by: str | None = None
    linkedin: bool = True
    medium: str = "video"
    minutes: int = 30
    intro: str = ""  # the first note's opening, to them: how we are connected


# In creation order: a referrer comes before the people they introduced.
PEOPLE = (
    PersonSpec(
        "olivia",
        "Olivia",
        "Grant",
        "quill",
        "Senior UX Researcher",
        "conference",
        "Met at the UXPA conference in Boston, where she ran the workshop on diary studies.",
        "Ran research for two school-district projects at Quill; before that a museum "
        "educator. Her talk 'Research with kids, not on them' is on YouTube.",
        paths=("ux",),
        scenario="thank",
        path="ux",
        intro="We met at the UXPA conference in Boston, where you ran the diary-studies workshop.",
    ),
    PersonSpec(
        "sophie",
        "Sophie",
        "Laurent",
        "meridian",
        "Product Owner, Patient Portal",
        "linkedin",
        "Second-degree connection on LinkedIn through a former student's parent.",
        "Owns the patient portal roadmap; previously a nurse educator.",
        paths=("pm",),
        scenario="referral_only",
        path="pm",
        intro=(
            "Your posts on the Meridian patient portal came up through a parent of one of my "
            "students."
        ),
    ),
    PersonSpec(
        "hannah",
        "Hannah",
        "Park",
        "meridian",
        "UX Researcher, Patient Experience",
        "referral",
        "Sophie Laurent suggested I talk to her about research in healthcare.",
        "Former middle-school teacher; moved to UX research through a bootcamp in 2020. "
        "Leads the patient-interview program.",
        paths=("ux",),
        scenario="capture",
        path="ux",
        referred_by="sophie",
        intro=(
            "Sophie Laurent suggested I write to you, since you also moved from teaching into "
            "research."
        ),
    ),
    PersonSpec(
        "ben",
        "Ben",
        "Torres",
        "city",
        "Service Designer",
        "referral",
        "Olivia Grant suggested I talk to him about research in government services.",
        paths=("ux",),
        referred_by="olivia",
        linkedin=False,
    ),
    PersonSpec(
        "nadia",
        "Nadia",
        "Hussein",
        "lumen",
        "Staff UX Researcher",
        "alumni",
        "Fellow Penn GSE alumna (M.S.Ed.); found her in the alumni directory.",
        "Taught ESL for five years; at Lumen since 2019. Writes about research operations.",
        paths=("ux",),
        scenario="report_back",
        path="ux",
        intro="I found you in the Penn GSE alumni directory; we share the M.S.Ed. program.",
    ),
    PersonSpec(
        "carlos",
        "Carlos",
        "Mendes",
        "harbor",
        "Senior Product Manager, Digital Banking",
        "colleague",
        "Former colleague: we coached Lincoln High's robotics team before he moved to product.",
        "Left teaching in 2019 through an associate PM program; now leads the mobile app.",
        paths=("pm",),
        scenario="nurture",
        path="pm",
        cadence_days=30,
        intro="It has been too long since our robotics-team Saturdays at Lincoln High!",
    ),
    PersonSpec(
        "ivy",
        "Ivy",
        "Nguyen",
        "civic",
        "Data Engineer",
        "event",
        "Met at the Code for Philly hack night in the spring.",
        "Builds the school-enrollment data pipelines; self-taught after a chemistry degree.",
        paths=("data",),
        scenario="done",
        path="data",
        intro=(
            "We met at the Code for Philly hack night, where you walked me through the "
            "enrollment data."
        ),
    ),
    PersonSpec(
        "priya",
        "Priya",
        "Raman",
        "lumen",
        "Senior Product Manager",
        "linkedin",
        "Found through her LinkedIn post about teachers moving into product roles; we share "
        "two connections.",
        paths=("pm",),
        scenario="research",
        path="pm",
        location="New York, NY",
    ),
    PersonSpec(
        "marcus",
        "Marcus",
        "Bell",
        "northwind",
        "Data Analyst",
        "alumni",
        "Fellow Temple University alumnus (Education, 2014); found him in the alumni directory.",
        "Taught math for six years, then a data bootcamp in 2021. Writes a blog on SQL for "
        "beginners; his post on 'reading a query out loud' is great.",
        paths=("data",),
        scenario="send",
        path="data",
        intro=(
            "I found you in the Temple alumni directory, and your post on reading a query out "
            "loud got me through my first SQL join."
        ),
    ),
    PersonSpec(
        "dana",
        "Dana",
        "Whitfield",
        "brightpath",
        "UX Researcher",
        "conference",
        "Heard her talk on classroom research at EdTech Week and spoke with her afterwards.",
        "Leads teacher-facing research at Brightpath; co-wrote their teacher panel playbook.",
        paths=("ux",),
        scenario="try_another",
        path="ux",
        intro=(
            "I heard your EdTech Week talk on classroom research and we spoke briefly afterwards."
        ),
    ),
    PersonSpec(
        "samir",
        "Samir",
        "Haddad",
        "brightpath",
        "Research Operations Manager",
        "event",
        "Met at a Philly UX meetup in September; he offered to chat.",
        paths=("ux",),
    ),
    PersonSpec(
        "grace",
        "Grace",
        "Liu",
        "brightpath",
        "Product Designer",
        "social",
        "We talked about lesson-planning apps in a thread on Bluesky.",
        linkedin=False,
    ),
    PersonSpec(
        "elena",
        "Elena",
        "Vasquez",
        "meridian",
        "Senior Data Analyst",
        "colleague",
        "Former colleague: we co-taught the Lincoln High data-science elective.",
        "Left teaching in 2022; builds readmission dashboards in Tableau.",
        paths=("data",),
        scenario="follow_up",
        path="data",
        intro="I still use the data-science elective materials we built together.",
    ),
    PersonSpec(
        "tom",
        "Tom",
        "Becker",
        "civic",
        "Data Scientist",
        "social",
        "Replied to his Mastodon thread on open school data.",
        "Maintains the district attendance dataset; ex-physics teacher.",
        paths=("data",),
        scenario="let_go",
        path="data",
        intro="I replied to your Mastodon thread on open school data last month.",
    ),
    PersonSpec(
        "rosa",
        "Rosa",
        "Delgado",
        "harbor",
        "Product Manager, Onboarding",
        "friend-family",
        "My cousin's wife; my cousin suggested I ask her about product work.",
        "Moved from customer support to product in 2020; owns account opening.",
        paths=("pm",),
        scenario="schedule",
        path="pm",
        intro=(
            "Daniel suggested I ask you about product work; he says you love talking about "
            "onboarding."
        ),
    ),
    PersonSpec(
        "james",
        "James",
        "Whitaker",
        "quill",
        "Principal UX Researcher",
        "event",
        "Met at the AIGA Philadelphia portfolio review in October.",
        "Fifteen years in research; teaches a UX research night course at Drexel.",
        paths=("ux",),
        scenario="prepare",
        path="ux",
        medium="phone",
        minutes=45,
        intro=(
            "We met at the AIGA Philadelphia portfolio review, where you gave my table such "
            "useful notes."
        ),
    ),
    PersonSpec(
        "aisha",
        "Aisha",
        "Karim",
        "lumen",
        "UX Research Lead",
        "alumni",
        "Also a former teacher; fellow Penn GSE alumna, introduced at an alumni panel.",
        "Taught fourth grade in Camden for four years; leads research for Lumen's school "
        "product. Interviewed on the 'Teachers Who Left' podcast.",
        paths=("ux", "pm"),
        scenario="attend",
        path="ux",
        intro=(
            "I heard you on the Penn GSE alumni panel, and your path from the classroom to "
            "research stuck with me."
        ),
    ),
    PersonSpec(
        "wei",
        "Wei",
        "Zhang",
        "northwind",
        "Director of Analytics",
        "linkedin",
        "Found through Northwind's education-practice page on LinkedIn.",
        "Leads the education practice; speaks at state data conferences.",
        paths=("data",),
        scenario="declined",
        path="data",
        intro=(
            "I read about Northwind's education practice and your talk at the state data "
            "conference."
        ),
    ),
    PersonSpec(
        "rachel",
        "Rachel",
        "Adler",
        "civic",
        "Program Manager",
        "other",
        "Her name was on the district's open-data report I used in class.",
        "Runs partnerships with school districts.",
        paths=("pm",),
        scenario="no_response",
        path="pm",
        intro="Your name was on the district open-data report I used with my students.",
    ),
    PersonSpec(
        "lucy",
        "Lucy",
        "Chen",
        "city",
        "Data Analyst",
        "friend-family",
        "A friend from my running club; she works on the city's 311 data.",
        "Builds the 311 service dashboards; studied economics.",
        paths=("data",),
        scenario="out_of_office",
        path="data",
        intro="You mentioned the 311 dashboards on our last club run, and I've been curious since.",
    ),
    PersonSpec(
        "greg",
        "Greg",
        "Foster",
        "harbor",
        "VP of Product",
        "event",
        "Met briefly at a fintech mixer; he asked not to be contacted for career chats.",
        do_not_contact=True,
        linkedin=False,
    ),
    PersonSpec(
        "kevin",
        "Kevin",
        "O'Brien",
        "northwind",
        "Analytics Manager",
        "other",
        "We got talking about dashboards on the regional rail; he gave me his card.",
        "Manages the health-care analytics team; hires juniors from bootcamps.",
        paths=("data",),
        scenario="planned",
        path="data",
    ),
    PersonSpec(
        "jordan",
        "Jordan",
        "Blake",
        None,
        "Freelance UX Researcher",
        "social",
        "Follows my classroom-research posts on LinkedIn and commented on the last one.",
        linkedin=True,
    ),
)


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    text: str
    category: str
    tiara: str
    minutes: int
    findable_online: bool = False
    # The built-in bank question this is (domain/question_bank.py); empty for one the
    # sample user wrote herself, so the bank shows built-ins as built-in, not as "yours".
    bank_key: str = ""


QUESTIONS = (
    QuestionSpec(
        "path",
        "How did you move into your role, and what would you do the same way again?",
        "path",
        "insights",
        5,
        bank_key="path-same-again",
    ),
    QuestionSpec(
        "week",
        "What does a typical week look like for you?",
        "day-to-day",
        "insights",
        4,
        bank_key="day-last-week",
    ),
    QuestionSpec(
        "hard",
        "What is the hardest part of the job that people outside it don't see?",
        "challenges",
        "insights",
        4,
        bank_key="challenge-hardest",
    ),
    QuestionSpec(
        "ai",
        "How is AI changing the way your team works?",
        "trends",
        "trends",
        4,
        bank_key="trend-automation",
    ),
    QuestionSpec(
        "skills",
        "Which of my teaching skills would you lean on, and which gap would you close first?",
        "skills",
        "advice",
        5,
    ),
    QuestionSpec(
        "culture",
        "How do researchers and product managers work together here?",
        "culture",
        "insights",
        3,
    ),
    QuestionSpec(
        "who",
        "Who else would you suggest I talk to?",
        "next-steps",
        "resources",
        2,
        bank_key="closer-who-else",
    ),
    QuestionSpec(
        "what",
        "What does your company sell?",
        "day-to-day",
        "insights",
        2,
        findable_online=True,
        bank_key="day-what-company-does",
    ),
)

# The question plan of the interview later today: 15 minutes of a 30-minute slot.
ATTEND_PLAN = ("path", "week", "skills", "who")
# Asked in the interview Maya still has to thank Olivia for.
THANK_PLAN = ("path", "hard", "skills", "who")

# Notes from held interviews: (text, highlight, tags, question key or None).
NOTES: dict[str, tuple[tuple[str, bool, tuple[str, ...], str | None], ...]] = {
    "olivia": (
        (
            "Diary studies with teachers work best over two weeks with one prompt a day; "
            "longer and the entries get thin.",
            True,
            ("methods", "diary studies"),
            "path",
        ),
        (
            "The hardest part is saying 'we don't know yet' to a client who paid for answers.",
            False,
            ("challenges",),
            "hard",
        ),
        (
            "My lesson-study write-ups are already case studies: rewrite two of them as "
            "research stories (question, method, finding, change).",
            True,
            ("portfolio", "advice"),
            "skills",
        ),
        (
            "Talk to Ben Torres at the Office of Innovation about research in government.",
            False,
            ("referral",),
            "who",
        ),
    ),
    "nadia": (
        (
            "Lumen hires researchers who can run a study end to end; a certificate matters "
            "less than one real project.",
            True,
            ("hiring", "advice"),
            None,
        ),
        (
            "Research ops is a good side door: recruiting panels, consent, tooling.",
            False,
            ("paths",),
            None,
        ),
    ),
    "carlos": (
        (
            "A PM's week is half meetings; the job is deciding what not to build.",
            True,
            ("day-to-day",),
            None,
        ),
        (
            "Associate PM programs take career changers; apply in the fall.",
            False,
            ("hiring",),
            None,
        ),
    ),
    "ivy": (
        (
            "Learn SQL window functions before any BI tool; the district data is messy.",
            True,
            ("skills", "sql"),
            None,
        ),
    ),
}
