"""coffeechat fit: the comparison and one path's fit matrix, as text or JSON."""

from coffeechat.services.reflection.paths import save_ratings
from tests.reflection_data import campaign


def test_fit_compares_the_paths_best_first(run, user, now):
    data = campaign(user, now)
    save_ratings(user, data.paths["ux"].pk, [{"kind": "value", "name": "Autonomy", "score": 4}])
    result = run("fit", "--json")
    assert result.code == 0
    paths = result.json()["paths"]
    assert [p["title"] for p in paths] == ["UX research", "Data journalism"]
    assert paths[0]["score"] == 4.0 and paths[0]["interviews_held"] == 3
    assert paths[0]["themes"][0] == "pace"
    text = run("fit").out
    assert "UX research" in text and "4.0/5" in text and "not rated" in text


def test_fit_of_one_path_lists_ratings_and_cited_notes(run, user, now):
    data = campaign(user, now)
    note = data.notes[0]
    save_ratings(
        user,
        data.paths["ux"].pk,
        [{"kind": "value", "name": "Autonomy", "score": 2, "note_ids": [note.pk]}],
    )
    body = run("fit", str(data.paths["ux"].pk), "--json").json()
    autonomy = [c for c in body["criteria"] if c["name"] == "Autonomy"][0]
    assert autonomy["rating"] == 2 and autonomy["evidence_note_ids"] == [note.pk]
    assert "Autonomy" in body["drags"]  # the same figures as GET /career-paths/{id}/fit
    text = run("fit", str(data.paths["ux"].pk)).out
    assert f"note {note.pk} (Ana Example)" in text


def test_another_users_path_is_bad_input(run, user, outsider, now):
    campaign(user, now)
    theirs = campaign(outsider, now).paths["ux"]
    result = run("fit", str(theirs.pk), "--user", "ada")
    assert result.code == 2
    assert f"No career path with id {theirs.pk}." in result.err
