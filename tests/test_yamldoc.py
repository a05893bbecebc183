import pytest

from briefgen.yamldoc import MAX_DEPTH, YamlProblem, parse_yaml


def test_values_and_the_line_of_every_key():
    doc = parse_yaml("title: Hi\nsub:\n  x: 1\n  tags: [a, b]\nflag: yes\n", first_line=2)
    assert doc.value == {"title": "Hi", "sub": {"x": 1, "tags": ["a", "b"]}, "flag": True}
    assert doc.line_of("title") == 2
    assert doc.line_of("sub", "tags") == 5
    assert doc.line_of("flag") == 6
    assert doc.line_of("missing") == 2


def test_timestamps_stay_text_so_the_caller_checks_offsets():
    assert parse_yaml("published: 2024-03-05T07:30:00+01:00\n").value == {"published": "2024-03-05T07:30:00+01:00"}


@pytest.mark.parametrize(
    "text, message, line",
    [
        ("a: &x [1]\nb: *x\n", "anchors (&x) are not allowed", 1),
        ("a: 1\nb: 2\na: 3\n", "key 'a' appears twice (first on line 1)", 3),
        ("a: !!python/object:os.system x\n", "YAML tag tag:yaml.org,2002:python/object:os.system is not allowed", 1),
        ("a: [1,\n", "invalid YAML", 2),
        ("a: 1\n---\nb: 2\n", "more than one YAML document", 2),
        ("<<: {a: 1}\n", "merge keys (<<) are not allowed", 1),
    ],
)
def test_unsafe_or_broken_yaml_is_refused_with_its_line(text, message, line):
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert message in caught.value.message
    assert caught.value.line == line


def test_billion_laughs_is_refused_before_any_expansion():
    bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    with pytest.raises(YamlProblem, match="anchors"):
        parse_yaml(bomb)


def test_deep_nesting_is_refused_not_crashed():
    with pytest.raises(YamlProblem, match=f"nesting deeper than {MAX_DEPTH}"):
        parse_yaml("[" * 100_000 + "]" * 100_000)
