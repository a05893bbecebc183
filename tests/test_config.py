from briefgen.config import Config, OutletRules, load_config
from briefgen.yamldoc import parse_yaml


def load(text):
    return load_config(parse_yaml(text), "briefgen.yaml")


def test_every_key_has_a_default():
    assert load_config(None, "briefgen.yaml") == (Config(), [])


def test_valid_settings_are_read():
    config, problems = load("title: Morning\ntimezone: Europe/Paris\nsummarizer: textrank\nsummary_sentences: 3\nmax_file_size: 2MB\nfeed_days: 60\n")
    assert problems == []
    assert (config.title, config.timezone, config.summarizer, config.summary_sentences, config.max_file_size, config.feed_days) == (
        "Morning", "Europe/Paris", "textrank", 3, 2_000_000, 60)


def test_base_url_gets_a_trailing_slash():
    assert load("base_url: https://example.org/briefing\n")[0].base_url == "https://example.org/briefing/"


def test_every_bad_value_is_reported_with_its_line():
    _, problems = load("timezone: Mars/Olympus\nsummarizer: magic\nsummary_sentences: 0\nbase_url: javascript:alert(1)\nfeed_days: 0\n")
    assert [str(p) for p in problems] == [
        "briefgen.yaml:1: timezone: 'Mars/Olympus' is not a known time zone; use an IANA name such as Europe/London or UTC",
        "briefgen.yaml:2: summarizer: must be one of: lexrank, textrank, lsa, luhn, kl, sumbasic, edmundson, reduction",
        "briefgen.yaml:3: summary_sentences: must be a whole number from 1 to 50",
        "briefgen.yaml:4: base_url: must be an http:// or https:// address such as https://example.org/briefing/",
        "briefgen.yaml:5: feed_days: must be a whole number from 1 to 1000",
    ]


def test_unknown_keys_warn_with_did_you_mean():
    _, problems = load("summery_sentences: 3\n")
    assert [str(p) for p in problems] == [
        "briefgen.yaml:1: warning: unknown key 'summery_sentences' is ignored; did you mean 'summary_sentences'?"
    ]


def test_bad_regular_expression_in_drop_lines():
    _, problems = load("drop_lines: ['(unclosed']\n")
    assert "is not a valid regular expression" in str(problems[0])


def test_outlet_rules_are_found_case_insensitively():
    config, problems = load("outlets:\n  Daily Beacon:\n    drop_lines: ['^Pictured']\n")
    assert problems == []
    assert config.drop_lines_for("daily beacon") == ("^Pictured",)
    assert config.drop_lines_for("Other") == ()


def test_keep_lines_for_the_site_and_an_outlet():
    config, problems = load("keep_lines: ['^Related: our']\noutlets:\n  Daily Beacon:\n    keep_lines: ['^Pictured']\n")
    assert problems == []
    assert config.keep_lines == ("^Related: our",)
    assert config.rules_for("DAILY BEACON") == OutletRules("Daily Beacon", (), ("^Pictured",))


def test_unknown_outlet_setting_is_an_error():
    _, problems = load("outlets:\n  Daily Beacon:\n    drop_line: ['^Pictured']\n")
    assert [str(p) for p in problems] == ["briefgen.yaml:1: outlets: 'Daily Beacon' may only set drop_lines and keep_lines"]
