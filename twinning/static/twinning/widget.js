/*
 * Twinning widgets: a partner city's latest stories and its partnership, for any web page.
 *
 *   <script src="https://<site>/static/twinning/widget.js" type="module"></script>
 *   <twinning-stories partner="Q3806" lang="de" limit="5"></twinning-stories>
 *   <twinning-partnership partner="Q3806" lang="de"></twinning-partnership>
 *
 * Attributes: partner (Wikidata ID or page id), lang (the readers' language), limit
 * (stories, 1 to 20, default 5), heading-level (2 to 6, default 3), api (the API's
 * address, by default /api/v2/ on the host this file comes from).
 *
 * Theme with CSS custom properties on the element (or any ancestor):
 *   --twinning-font, --twinning-color, --twinning-background, --twinning-muted-color,
 *   --twinning-link-color, --twinning-focus-color, --twinning-label-color,
 *   --twinning-label-background, --twinning-border-color, --twinning-gap,
 *   --twinning-radius, --twinning-image-width
 * and with ::part(): list, item, image, title, link, date, summary, label, message,
 * facts, fact-name, fact-value, intro, heading, timeline, milestone, milestone-title,
 * description.
 *
 * One request per widget, without cookies or referrer; the browser revalidates it with
 * its ETag. Nothing is loaded from anywhere but the API's host.
 */

const TEXT = {
  en: ["Stories", "Original in {}", "No stories yet.", "Loading…", "This content cannot be shown right now. Please try again later.", "Country", "Partners since", "Partnership", "Status", "History"],
  fr: ["Récits", "Original en {}", "Pas encore de récit.", "Chargement…", "Ce contenu ne peut pas être affiché pour l’instant. Réessayez plus tard.", "Pays", "Partenaires depuis", "Partenariat", "Statut", "Histoire"],
  de: ["Geschichten", "Original auf {}", "Noch keine Geschichten.", "Wird geladen…", "Dieser Inhalt kann gerade nicht angezeigt werden. Bitte versuchen Sie es später noch einmal.", "Land", "Partner seit", "Partnerschaft", "Status", "Geschichte"],
  it: ["Storie", "Originale in {}", "Ancora nessuna storia.", "Caricamento…", "Questo contenuto non può essere mostrato ora. Riprova più tardi.", "Paese", "Partner dal", "Partenariato", "Stato", "Storia"],
  es: ["Historias", "Original en {}", "Todavía no hay historias.", "Cargando…", "Este contenido no se puede mostrar ahora. Inténtelo de nuevo más tarde.", "País", "Socios desde", "Asociación", "Estado", "Historia"],
  pt: ["Histórias", "Original em {}", "Ainda não há histórias.", "A carregar…", "Este conteúdo não pode ser mostrado agora. Tente novamente mais tarde.", "País", "Parceiros desde", "Parceria", "Estado", "História"],
  hu: ["Történetek", "Eredeti nyelv: {}", "Még nincs történet.", "Betöltés…", "Ez a tartalom most nem jeleníthető meg. Kérjük, próbálja újra később.", "Ország", "Partnerek azóta", "Partnerség", "Állapot", "Történet"],
  ja: ["ストーリー", "原文：{}", "まだストーリーはありません。", "読み込み中…", "このコンテンツは現在表示できません。しばらくしてからもう一度お試しください。", "国", "提携開始", "提携の種類", "状況", "歩み"],
  ar: ["قصص", "النص الأصلي باللغة {}", "لا توجد قصص بعد.", "جارٍ التحميل…", "لا يمكن عرض هذا المحتوى الآن. يرجى المحاولة لاحقًا.", "البلد", "شركاء منذ", "الشراكة", "الحالة", "التاريخ"],
};
const [STORIES, ORIGINAL, EMPTY, LOADING, ERROR, COUNTRY, SINCE, KIND, STATUS, HISTORY] = TEXT.en.keys();
const RTL = new Set(["ar", "fa", "he", "ur"]);

const CSS = `
:host{display:block;font:var(--twinning-font,inherit);color:var(--twinning-color,inherit);background:var(--twinning-background,transparent)}
:host([hidden]){display:none}
*{box-sizing:border-box}
ul,ol{list-style:none;margin:0;padding:0;display:grid;gap:var(--twinning-gap,1rem)}
li{display:flex;gap:var(--twinning-gap,1rem);align-items:flex-start}
h2,h3,h4,h5,h6{font-size:1.1em;margin:0 0 .25em;line-height:1.3}
p{margin:.25em 0}
img{width:var(--twinning-image-width,8rem);height:auto;flex:none;border-radius:var(--twinning-radius,.25rem);object-fit:cover}
a{color:var(--twinning-link-color,#1a5a9c);text-decoration:underline}
a:focus-visible{outline:3px solid var(--twinning-focus-color,#1a5a9c);outline-offset:2px;border-radius:2px}
time,.muted{color:var(--twinning-muted-color,#555);font-size:.9em}
.label{display:inline-block;margin:.25em 0;margin-inline-end:.5em;padding:.1em .5em;font-size:.85em;color:var(--twinning-label-color,#1f1f1f);background:var(--twinning-label-background,#ececec);border-radius:var(--twinning-radius,.25rem)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;margin:.5em 0}
dt{font-weight:bold}
dd{margin:0}
ol li{display:block;border-inline-start:3px solid var(--twinning-border-color,#767676);padding-inline-start:.75em}
@media (max-width:30em){li{flex-direction:column}img{width:100%}}
`;

const language = (tag) => (tag || "").toLowerCase().split(/[-_]/)[0];

function el(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== "") node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== ""));
  return node;
}

class TwinningElement extends HTMLElement {
  static get observedAttributes() {
    return ["partner", "lang", "limit", "heading-level", "api"];
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    this.schedule();
  }

  disconnectedCallback() {
    this.controller?.abort();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.schedule();
  }

  get reader() {
    const own = language(this.getAttribute("lang") || document.documentElement.lang);
    return own || "en";
  }

  text(key) {
    return (TEXT[this.reader] || TEXT.en)[key];
  }

  get level() {
    const level = parseInt(this.getAttribute("heading-level"), 10);
    return Math.min(Math.max(Number.isNaN(level) ? 3 : level, 2), 6);
  }

  /** Marks a node written in another language than the widget's. */
  foreign(node, tag) {
    const code = language(tag);
    if (code && code !== this.reader) {
      node.lang = tag;
      node.dir = RTL.has(code) ? "rtl" : "ltr";
    }
    return node;
  }

  /** Marks a node in the readers' language, inside an item in another one. */
  own(node) {
    node.lang = this.reader;
    node.dir = RTL.has(this.reader) ? "rtl" : "ltr";
    return node;
  }

  heading(level, part, ...children) {
    return el(`h${Math.min(level, 6)}`, { part }, ...children);
  }

  link(url, part, ...children) {
    return url ? el("a", { href: url, part }, ...children) : el("span", { part }, ...children);
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.load();
    });
  }

  show(...nodes) {
    const lang = this.getAttribute("lang") || this.reader;
    const root = el("div", { lang, dir: RTL.has(this.reader) ? "rtl" : "ltr" }, ...nodes);
    this.shadowRoot.replaceChildren(el("style", {}, CSS), root);
  }

  message(key, live) {
    return el("p", { part: "message", role: live ? "status" : null, class: "muted" }, this.text(key));
  }

  async load() {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.show(this.message(LOADING, true));
    let items;
    try {
      const base = new URL(this.getAttribute("api") || "/api/v2/", import.meta.url);
      const url = new URL("pages/", base.href.endsWith("/") ? base : `${base.href}/`);
      const query = { locale: this.reader, fallback: "true", partner: this.getAttribute("partner") || "", ...this.query() };
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      const response = await fetch(url, {
        credentials: "omit",
        mode: "cors",
        referrerPolicy: "no-referrer",
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(String(response.status));
      items = (await response.json()).items;
      if (!Array.isArray(items)) throw new Error("items");
    } catch (error) {
      if (controller.signal.aborted) return;
      this.show(this.message(ERROR, true));
      return;
    }
    if (controller.signal.aborted) return;
    this.show(...this.render(items));
  }

  /** "Original in French", in the readers' language. */
  original(tag) {
    let name = tag;
    try {
      name = new Intl.DisplayNames([this.reader], { type: "language" }).of(language(tag));
    } catch (error) {
      // An unknown language tag: its code is still better than nothing.
    }
    return this.own(el("span", { part: "label", class: "label" }, this.text(ORIGINAL).replace("{}", name)));
  }

  date(iso) {
    const [year, month, day] = (iso || "").split("-").map(Number);
    if (!year) return null;
    let label = iso;
    try {
      label = new Intl.DateTimeFormat(this.reader, { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(Date.UTC(year, (month || 1) - 1, day || 1))
      );
    } catch (error) {
      // Kept as ISO 8601.
    }
    return this.own(el("time", { datetime: iso, part: "date" }, label));
  }
}

class TwinningStories extends TwinningElement {
  query() {
    const limit = parseInt(this.getAttribute("limit"), 10);
    return {
      type: "twinning.ExchangeStoryPage",
      order: "-date",
      limit: String(Math.min(Math.max(Number.isNaN(limit) ? 5 : limit, 1), 20)),
      fields: "_,title,date,summary,hero_image",
    };
  }

  render(items) {
    if (!items.length) return [this.message(EMPTY)];
    const list = el("ul", { part: "list", "aria-label": this.text(STORIES) });
    for (const story of items) {
      const meta = story.meta || {};
      const item = this.foreign(el("li", { part: "item" }), meta.locale);
      const image = story.hero_image;
      if (image && image.small) {
        item.append(
          el("img", {
            part: "image",
            src: image.small.url,
            alt: image.small.alt || image.alt || "",
            width: image.small.width,
            height: image.small.height,
            loading: "lazy",
            referrerpolicy: "no-referrer",
          })
        );
      }
      item.append(
        el(
          "div",
          {},
          this.heading(this.level, "title", this.link(meta.html_url, "link", story.title)),
          language(meta.locale) !== this.reader ? this.original(meta.locale) : null,
          this.date(story.date),
          story.summary ? el("p", { part: "summary" }, story.summary) : null
        )
      );
      list.append(item);
    }
    return [list];
  }
}

class TwinningPartnership extends TwinningElement {
  query() {
    return {
      type: "twinning.PartnerCityPage",
      limit: "1",
      fields: "_,title,intro,country,kind,status,signed,milestones",
    };
  }

  render(items) {
    const city = items[0];
    if (!city) return [this.message(ERROR)];
    const meta = city.meta || {};
    const foreign = language(meta.locale) !== this.reader;
    const facts = el("dl", { part: "facts" });
    for (const [key, value] of [
      [COUNTRY, city.country && city.country.name],
      [SINCE, city.signed && city.signed.label],
      [KIND, city.kind && city.kind.label],
      [STATUS, city.status && city.status.label],
    ]) {
      if (value) {
        facts.append(el("dt", { part: "fact-name" }, this.text(key)), el("dd", { part: "fact-value" }, value));
      }
    }
    const nodes = [
      this.foreign(this.heading(this.level, "title", this.link(meta.html_url, "link", city.title)), meta.locale),
      foreign ? this.original(meta.locale) : null,
      city.intro ? this.foreign(el("p", { part: "intro" }, city.intro), meta.locale) : null,
      facts,
    ];
    const milestones = city.milestones || [];
    if (milestones.length) {
      const timeline = el("ol", { part: "timeline" });
      for (const milestone of milestones) {
        const date = milestone.date || {};
        timeline.append(
          el(
            "li",
            { part: "milestone" },
            el("time", { datetime: date.iso, part: "date" }, date.label || date.iso || ""),
            milestone.kind ? el("span", { class: "muted" }, ` · ${milestone.kind.label}`) : null,
            this.foreign(el("p", { part: "milestone-title" }, el("strong", {}, milestone.title)), meta.locale),
            milestone.description
              ? this.foreign(el("p", { part: "description" }, milestone.description), meta.locale)
              : null
          )
        );
      }
      nodes.push(this.heading(this.level + 1, "heading", this.text(HISTORY)), timeline);
    }
    return [el("section", { "aria-label": city.title }, ...nodes)];
  }
}

for (const [name, element] of [
  ["twinning-stories", TwinningStories],
  ["twinning-partnership", TwinningPartnership],
]) {
  if (!customElements.get(name)) customElements.define(name, element);
}
