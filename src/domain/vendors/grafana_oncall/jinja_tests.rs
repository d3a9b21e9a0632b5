//! Templates people write, good and broken.

use super::check;

#[test]
fn well_formed_templates_pass() {
    let good = [
        "",
        "plain text, no tags",
        "{{ payload.title }}",
        "{{ payload.get(\"labels\", {}).get(\"alertname\", \"\") }}",
        "{{ {\"a\": 1} | tojson }}",
        "{{ \"}}\" }} and {{ '{%' }}",
        "{% if payload.state == \"alerting\" %}firing{% elif x %}?{% else %}ok{% endif %}",
        "{%- for r in payload.alerts -%}\n  {{ r.labels.instance }}\n{%- else -%}none{%- endfor -%}",
        "{# a comment with {{ braces }} and {% tags %} #}text",
        "{% raw %}{{ not a tag {% if %}{% endraw %}",
        "{% set team = payload.team %}{{ team }}",
        "{% set body %}{{ payload }}{% endset %}",
        "{% macro row(x) %}{{ x }}{% endmacro %}{{ row(1) }}",
        "{\"title\": \"{{ payload.title }}\", \"extra\": {\"a\": {\"b\": 1}}}",
        "{% if a %}{% for b in c %}{% if d %}x{% endif %}{% endfor %}{% endif %}",
        // Raw blocks hold anything, unclosed tags included, up to the first endraw.
        "{% raw %}{% if {% endraw %}",
        "{% raw %}{{ {% for %}{% endraw %}{{ after }}",
        "{%- raw -%}{% endif %}{%- endraw -%}",
        "{% raw %}a %} b }} c #}{%+ endraw +%}",
        "{% raw %}{% endraw x %}{% endraw %}",
        // Closers inside strings and comments are text.
        "{% set x = \"%}\" %}{{ x }}",
        "{{ 'a }} b' ~ \"{{\" }}",
        "{# }} and %} inside a comment #}",
        "{% if x == '{%' %}y{% endif %}",
        // Whitespace control and call blocks.
        "{{- payload.title -}}\n{%- if x %}a{%+ endif %}",
        "{% call row(1) %}inner{% endcall %}",
        "{% filter upper %}x{% endfilter %}{% with a = 1 %}{{ a }}{% endwith %}",
        "{% for k, v in payload.items() %}{{ k }}={{ v }}{% endfor %}",
    ];
    for template in good {
        assert_eq!(check(template), Ok(()), "{template}");
    }
}

#[test]
fn unclosed_and_misnested_tags_are_reported_with_their_line() {
    let broken = [
        (
            "{{ payload.title",
            "line 1: “{{” is never closed (expected “}}”)",
        ),
        (
            "ok\n{% if x %}",
            "line 2: {% if %} is never closed (expected {% endif %})",
        ),
        ("{% endif %}", "line 1: {% endif %} closes no block"),
        (
            "{% if a %}\n{% for b in c %}\n{% endif %}",
            "line 3: {% endif %} found where {% for %} from line 2 needs {% endfor %}",
        ),
        (
            "{% else %}",
            "line 1: {% else %} outside any {% if %} or {% for %}",
        ),
        (
            "{% for x in y %}{% elif z %}{% endfor %}",
            "line 1: {% elif %} outside any {% if %}",
        ),
        (
            "{# note",
            "line 1: the comment “{#” is never closed (expected “#}”)",
        ),
        ("text %}", "line 1: “%}” closes no tag"),
        ("a\nb #}", "line 2: “#}” closes no tag"),
        ("{% %}", "line 1: a {% %} tag with no name"),
        ("{% if x", "line 1: “{%” is never closed (expected “%}”)"),
        (
            "{{ a {% if b %}",
            "line 1: “{{” is not closed before another tag starts",
        ),
        (
            "{% raw %}{{ x }}",
            "line 1: {% raw %} is never closed (expected {% endraw %})",
        ),
        (
            "{% set body %}x",
            "line 1: {% set %} is never closed (expected {% endset %})",
        ),
        (
            "{% raw %}{% endraw x %}",
            "line 1: {% raw %} is never closed (expected {% endraw %})",
        ),
        (
            "{% macro m() %}{% if x %}{% endmacro %}",
            "line 1: {% endmacro %} found where {% if %} from line 1 needs {% endif %}",
        ),
        (
            "{% call m() %}\n{% for x in y %}\n{% endcall %}",
            "line 3: {% endcall %} found where {% for %} from line 2 needs {% endfor %}",
        ),
        (
            "{{ \"unclosed string }}",
            "line 1: “{{” is never closed (expected “}}”)",
        ),
    ];
    for (template, message) in broken {
        assert_eq!(check(template).unwrap_err(), message, "{template}");
    }
}
