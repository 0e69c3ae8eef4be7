"""The same articles as a Hugo site and a Pelican site, for side-by-side build timings.

Both get article pages plus one page per speaker (Hugo: a ``speakers`` taxonomy with minimal
single/list/taxonomy/term layouts; Pelican: speakers as tags, with its day/month/year
archives enabled, on its ``simple`` theme).  Hugo runs twice: with its RSS output off (the
least it can do), and with its default outputs ("hugo+feeds": an RSS feed for the home
page, the section, the taxonomy and every speaker, as ours has an Atom feed per speaker);
the two sites differ only in that config line.  Pelican gets no feeds."""

from __future__ import annotations

import json
from pathlib import Path

from bench.corpus import Corpus

HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "Kho lưu trữ tin bài"
languageCode = "vi"
disableKinds = ["RSS"]
[taxonomies]
  speaker = "speakers"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "speakers/" | relURL }}">Người phát biểu</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>
{{ with .Params.byline }} · {{ . }}{{ end }}</p>
{{ with .GetTerms "speakers" }}<ul>{{ range . }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>{{ end }}
{{ range .Params.captions }}<figure><figcaption>{{ . }}</figcaption></figure>{{ end }}
<div class="body">{{ .Content }}</div></article>
<nav>{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ range first 20 .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}</li>
{{ end }}
</ol>{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}</li>
{{ end }}
</ol>{{ end }}
""",
}

PELICAN_CONFIG = """\
AUTHOR = "newsarchive"
SITENAME = "Kho lưu trữ tin bài"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
THEME = "simple"
DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/index.html"
TAG_URL = "speakers/{slug}/"
TAG_SAVE_AS = "speakers/{slug}/index.html"
TAGS_SAVE_AS = "speakers/index.html"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
MARKDOWN = {"extension_configs": {"markdown.extensions.tables": {}}, "output_format": "html5"}
"""


def _front_value(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_hugo(n: int, root: Path, seed: int = 2024, feeds: bool = False) -> Path:
    """The Hugo site at ``root/hugo`` (``root/hugo-feeds`` with Hugo's default outputs)."""
    corpus = Corpus(seed)
    site = root / ("hugo-feeds" if feeds else "hugo")
    config = HUGO_CONFIG.replace('disableKinds = ["RSS"]\n', "") if feeds else HUGO_CONFIG
    (site / "hugo.toml").parent.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(config, encoding="utf-8")
    for rel, text in HUGO_LAYOUTS.items():
        path = site / "layouts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    posts = site / "content" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        art = corpus.article(i)
        front = [
            "---",
            f"title: {_front_value(art['title'])}",
            f"date: {art['date'].isoformat()}",
            f"url: /{art['date']:%Y/%m/%d}/{art['slug']}/",
            f"speakers: {json.dumps([s for s, _ in art['speakers']], ensure_ascii=False)}",
            f"captions: {json.dumps(art['captions'], ensure_ascii=False)}",
            f"byline: {_front_value('Tin và ảnh: ' + art['author'])}",
            "---",
            "",
        ]
        body = "\n\n".join(art["paragraphs"]) + "\n"
        (posts / f"{art['slug']}.md").write_text("\n".join(front) + body, encoding="utf-8")
    return site


def write_pelican(n: int, root: Path, seed: int = 2024) -> Path:
    corpus = Corpus(seed)
    site = root / "pelican"
    content = site / "content"
    content.mkdir(parents=True, exist_ok=True)
    (site / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    for i in range(n):
        art = corpus.article(i)
        head = [
            f"Title: {art['title']}",
            f"Date: {art['date'].isoformat()}",
            f"Slug: {art['slug']}",
            f"Tags: {', '.join(s for s, _ in art['speakers'])}",
            f"Authors: {art['author']}",
            "",
        ]
        body = "\n\n".join(art["paragraphs"]) + "\n"
        (content / f"{art['slug']}.md").write_text("\n".join(head) + "\n" + body,
                                                    encoding="utf-8")
    return site
