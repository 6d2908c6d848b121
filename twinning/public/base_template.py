"""The host's base template, which the plugin's page templates extend.

Every page template of the plugin extends ``twinning/base.html``, which extends the
template named by ``TWINNING["BASE_TEMPLATE"]``. Django's ``{% extends %}`` takes a
template name from the context, so the name is handed to templates by the pages'
``get_context()`` (``BaseTemplateMixin``) and by the plugin's other views; no context
processor is asked of the host.
"""

from typing import Any

from django.template import Context, Engine, Template, TemplateDoesNotExist
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode

from twinning import conf

#: The context variable ``twinning/base.html`` extends.
CONTEXT_NAME = "twinning_base_template"

#: The blocks of the host's base that ``twinning/base.html`` fills, those a reader misses
#: most first: the plugin's stylesheet, hreflang, canonical, Open Graph and JSON-LD go in
#: ``extra_css``; the page in ``content``; scripts (the map's) in ``extra_js``.
FILLED_BLOCKS = ("extra_css", "content", "extra_js", "body_class", "title")


def template_name() -> str:
    """The name of the host's base template."""
    return conf.get("BASE_TEMPLATE")


def context() -> dict[str, Any]:
    """What a view adds to its context for the plugin's templates to extend the host's base."""
    return {CONTEXT_NAME: template_name()}


def missing_blocks(template_name: str) -> list[str]:
    """The blocks ``twinning/base.html`` fills that the template ``template_name`` lacks.

    A block counts when rendering the template renders it: defined by the topmost
    template of its ``{% extends %}`` chain (followed as far as parents are named by a
    string), or inside such a block as a descendant overrides it. Raises
    ``TemplateDoesNotExist`` when the template cannot be found.
    """
    chain = _extends_chain(get_template(template_name).template)
    rendered: set[str] = set()
    for index, template in enumerate(reversed(chain)):
        for block in template.nodelist.get_nodes_by_type(BlockNode):
            if index == 0 or block.name in rendered:
                rendered.add(block.name)
                rendered.update(node.name for node in block.nodelist.get_nodes_by_type(BlockNode))
    return [name for name in FILLED_BLOCKS if name not in rendered]


def _extends_chain(template: Template) -> list[Template]:
    """``template`` and the templates it extends, nearest first."""
    engine: Engine = template.engine
    chain = [template]
    while True:
        extends = next(iter(chain[-1].nodelist.get_nodes_by_type(ExtendsNode)), None)
        if extends is None:
            return chain
        name = extends.parent_name.resolve(Context(), ignore_failures=True)
        if not isinstance(name, str) or not name:
            return chain
        try:
            parent, _origin = engine.find_template(name, skip=[t.origin for t in chain])
        except TemplateDoesNotExist:
            return chain
        chain.append(parent)
