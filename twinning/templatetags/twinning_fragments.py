"""Parts of public pages kept until content changes (see twinning.public.fragments).

``{% fragment "city-stories" page.pk %}...{% endfragment %}``: the enclosed HTML, built
once per content generation, language and host; the values after the name are what it
depends on besides. Only for content that every reader gets: nothing of the request
inside (no CSRF token, no CSP nonce, no user).

``{% kept_json_ld page %}``: ``{% json_ld page %}``, its description kept the same way
(the script tag itself is made at every request).
"""

from django import template
from django.utils.safestring import mark_safe

from twinning.public import fragments
from twinning.public.jsonld import identity_of, json_ld_for, script_tag

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        html = fragments.kept(
            context.get("request"),
            self.name.resolve(context),
            parts,
            lambda: str(self.nodelist.render(context)),
        )
        return mark_safe(html)


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


@register.simple_tag(takes_context=True)
def kept_json_ld(context, page):
    """The schema.org description of ``page``, as ``{% json_ld %}`` gives it."""
    request = context.get("request")
    if request is None or page is None:
        return ""
    languages = context.get("page_languages")
    canonical = getattr(languages, "canonical", None)
    language = getattr(languages, "content_language", None)

    def describe():
        identity = identity_of(page, request, canonical=canonical, language=language)
        return json_ld_for(page, request, identity)

    data = fragments.kept(request, "json-ld", [page.pk, canonical, language], describe)
    return script_tag(data, request)
