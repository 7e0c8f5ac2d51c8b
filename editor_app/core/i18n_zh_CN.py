"""Simplified Chinese for the core catalog (``core/i18n_catalog.py``).

Every key of the English tables has an entry here with the same {fields};
``tests/core/test_i18n_catalog.py`` fails on a missing, empty or mismatched one. Status names
follow the Qt translation of the card editor (草稿, 审阅中, 待发布, 已发布).
"""

from __future__ import annotations

STATUSES: dict[str, str] = {
    "draft": "草稿",
    "review": "审阅中",
    "ready": "待发布",
    "published": "已发布",
}

WORDS: dict[str, str] = {
    "error": "错误",
    "warning": "警告",
    "info": "提示",
    "is empty": "为空",
    "contains spaces": "含有空格",
    "has no address": "缺少邮件地址",
    "must start with http:// or https://": "必须以 http:// 或 https:// 开头",
    "has no valid host name": "没有有效的主机名",
    "source": "来源",
    "link": "链接",
    "inline": "正文链接",
    "further": "延伸阅读",
    "image": "图片",
    "intro": "专题导语",
}

_FETCH = "（导出时下载；每张最多 {limit}，失败的会列出）"


def _typography(what: str) -> dict[str, str]:
    """The same typography finding in a card's title, body and editor's note."""
    where = "第 {line} 行第 {column} 列"
    return {
        "title": f"“{{name}}”的标题：{what}：“{{text}}” → “{{fixed}}”",
        "body": f"“{{name}}”的正文{where}：{what}：“{{text}}” → “{{fixed}}”",
        "note": f"“{{name}}”的编者按{where}：{what}：“{{text}}” → “{{fixed}}”",
    }


def _typography_keys(code: str, what: str, suffix: str = "") -> dict[str, str]:
    return {f"{code}/{part}{suffix}": text for part, text in _typography(what).items()}


PROBLEMS: dict[str, str] = {
    "unreadable-file": "{reason}",
    "empty-card": "卡片“{name}”没有内容",
    "malformed-url": "“{name}”中的链接“{url}”{reason}",
    "malformed-url/www": "“{name}”中的链接“{url}”前面缺少 https://",
    "missing-alt": "“{name}”中的图片“{url}”没有替代文字",
    "missing-image": "“{name}”中的图片“{url}”不存在",
    "missing-image/export": "图片 {ref!r} 不存在；已略去",
    "missing-file": "“{name}”中链接的文件“{url}”不存在",
    "missing-file/export": "链接的文件 {ref!r} 不存在；已略去",
    "missing-date": "jekyll 配置按日期命名文章；请设置期刊日期",
    "unsafe-path/link": "“{name}”中的链接：{reason}",
    "unsafe-path/image": "“{name}”中的图片：{reason}",
    "unsafe-path/export-image": "图片已略去：{reason}",
    "unsafe-path/export-file": "链接的文件已略去：{reason}",
    "symlink/card-file": "{reason}",
    "symlink/link": "“{name}”中的链接：{reason}",
    "symlink/image": "“{name}”中的图片：{reason}",
    "symlink/stray": "“{rel}”是符号链接；不会导出",
    "symlink/export-image": "图片已略去：{reason}",
    "symlink/export-file": "链接的文件已略去：{reason}",
    "unsafe-asset/link": "“{name}”中链接的文件：{reason}",
    "unsafe-asset/image": "“{name}”中的图片：{reason}",
    "unsafe-asset/stray": "{reason}；永不导出",
    "unsafe-asset/export-image": "图片已略去：{reason}",
    "unsafe-asset/export-file": "链接的文件已略去：{reason}",
    "render-limit/body": "“{name}”的正文无法渲染（{detail}）；以错误框代替",
    "render-limit/note": "“{name}”的编者按无法渲染（{detail}）；以错误框代替",
    "untitled-card": "卡片“{name}”没有标题",
    "missing-source": "卡片“{name}”没有来源链接",
    "insecure-url": "“{name}”中的链接“{url}”使用 http；可能有 https 地址",
    "duplicate-link": "{url} 出现不止一次：{names}",
    "featured-before": "{url} 已在期刊“{slug}”中收录过（卡片 {other}，{kind}）",
    "generic-alt": "“{name}”中的图片“{url}”的替代文字“{alt}”没有描述内容",
    "remote-image": "“{name}”中的图片“{url}”是远程图片；请下载到 assets/",
    "empty-section": "专题“{title}”没有卡片",
    "deep-nesting/body": "“{name}”的正文中列表或引用嵌套超过 {block} 层，或链接与强调嵌套超过 "
    "{inline} 层（链接括号 {brackets} 层）；更深的部分显示为纯文本（{count} 处）",
    "deep-nesting/note": "“{name}”的编者按中列表或引用嵌套超过 {block} 层，或链接与强调嵌套超过 "
    "{inline} 层（链接括号 {brackets} 层）；更深的部分显示为纯文本（{count} 处）",
    "render-slow/body": "“{name}”的正文渲染用了 {seconds:.1f} 秒（预算 {budget:g} 秒）；预览会卡顿",
    "render-slow/note": "“{name}”的编者按渲染用了 {seconds:.1f} 秒（预算 {budget:g} 秒）；预览会卡顿",
    "unsafe-url/link": "链接 {url!r} 使用了禁止的协议；已略去",
    "unsafe-url/image": "图片 {src!r} 既不是文件也不是网址；已略去",
    "not-inlined": "指向文件 {ref!r} 的链接无法内嵌；已略去",
    "draft-export/hugo": "期刊状态为{status}：除非以 -D 构建，Hugo 不会发布它",
    "draft-export/jekyll": "期刊状态为{status}：除非以 --unpublished 构建，"
    "Jekyll 不会发布它（published: false）",
    "remote-image-failed": "远程图片 {url} 无法下载：{reason}；已略去（显示其替代文字）",
    **_typography_keys("cjk-spacing", "中英文或数字之间缺少空格"),
    **_typography_keys("cjk-spacing", "全角标点旁多了空格", "-remove"),
    **_typography_keys("halfwidth-punctuation", "中文里用了半角标点"),
    **_typography_keys("fullwidth-punctuation", "英文里用了全角标点"),
    "mentioned-before": "{url} 曾在期刊“{slug}”中提及（卡片 {other}，{kind}）",
    "mentioned-before/intro": "{url} 曾在期刊“{slug}”中提及（专题 {other}，{kind}）",
    "remote-images-fetched/one-site": "1 张远程图片将下载到站点的 assets 中" + _FETCH,
    "remote-images-fetched/many-site": "{count} 张远程图片将下载到站点的 assets 中" + _FETCH,
    "remote-images-fetched/one-file": "1 张远程图片将嵌入文件" + _FETCH,
    "remote-images-fetched/many-file": "{count} 张远程图片将嵌入文件" + _FETCH,
    "remote-images-kept/one-site": "1 张远程图片保持远程：打开页面时从其网站加载",
    "remote-images-kept/many-site": "{count} 张远程图片保持远程：打开页面时从各自网站加载",
    "remote-images-kept/one-file": "1 张远程图片保持远程：打开文件时从其网站加载",
    "remote-images-kept/many-file": "{count} 张远程图片保持远程：打开文件时从各自网站加载",
}

MESSAGES: dict[str, str] = {
    "cli.error": "masthead：错误：{detail}",
    "cli.problem": "{severity}：{code}{where}：{message}",
    "cli.where-card": " [{card}]",
    "cli.where-section": " [专题 {section}]",
    "cli.check-summary": "{errors} 个错误，{warnings} 个警告，{notes} 条提示",
    "cli.typography-title": "{path}：标题：“{text}” → “{fixed}”",
    "cli.typography-body": "{path}：正文第 {line} 行第 {column} 列：“{text}” → “{fixed}”",
    "cli.typography-note": "{path}：编者按第 {line} 行第 {column} 列：“{text}” → “{fixed}”",
    "cli.typography-summary": "排版：{cards} 张卡片中修正了 {count} 处",
    "cli.typography-off": "排版：本期关闭了排版检查（语言 {language}；在 issue.yaml 中设置 "
    "typography: cjk 可开启）；未做修改",
    "cli.not-a-command": "没有这个文件库或期刊文件夹，也不是命令（{choices}）",
    "cli.no-such-folder": "没有这个文件夹",
    "cli.not-issue-folder": "不是期刊文件夹（没有 issue.yaml）",
    "cli.image-choose-action": "masthead image：错误：请选择操作：add 或 list",
    "cli.no-card": "本期没有 id 为 {card!r} 的卡片",
    "cli.card-unreadable": "无法读取卡片 {card}：{reason}",
    "cli.import-guess": "推测：{guess}",
    "cli.guess-line": "第 {line} 行：{message}",
    "export.no-format": "没有导出格式：请指定 {choices}",
    "export.no-out": "没有输出文件夹：请指定 --out DIR",
    "export.more-than-zero": "{flag} 必须大于 0",
    "export.stopped": "masthead：导出已停止：检查发现 {errors} 个错误；请修正或使用 --force",
}

GUESSES: dict[str, str] = {
    "fallback-section": "第一张卡片前没有专题标题：新建了专题“{section}”",
    "summary-from-intro": "第一个专题前的文字用作本期摘要",
    "headings-became-cards": "没有找到编号条目或链接：各标题成了卡片；这个文件是期刊吗？",
    "sub-heading-kept": "“{text}”保留为正文的小标题，而非卡片",
    "category-heading": "“{group}”用作其下卡片的分类",
    "heading-link-source": "“{title}”标题中的链接用作其来源",
    "link-lists-gathered": "专题“{title}”的链接列表归入同名卡片",
    "link-list-cards": "链接列表读作“{parent}”中的卡片（标题为链接文字，来源为其网址，[标签] 保留为标签）",
    "link-list-cards-grouped": "“{group}”下的链接列表读作“{parent}”中的卡片"
    "（标题为链接文字，来源为其网址，[标签] 保留为标签）",
    "item-without-title": "条目 {number} 所在行没有标题：其文字在后面",
    "card-from-numbered-link": "卡片“{title}”来自编号链接；其链接为来源",
    "card-from-numbered-line": "卡片“{title}”来自编号行",
    "numbers-run-on": "卡片编号跨专题连续",
    "numbering-jumps": "卡片编号从 {previous} 跳到 {number}",
    "title-from-file-name": "没有找到标题：使用文件名“{name}”",
    "number-from-title": "从标题读出期号 {number}",
    "date-from-title": "从标题读出日期 {date}",
    "date-from-line": "从顶部的日期行读出日期 {date}",
    "no-date": "标题、前置元数据和顶部几行都没有日期：未设置",
    "other-importer": "改用另一种导入方式读取：前一种没有找到卡片",
    "section-heading-line": "“{text}”用作专题标题",
    "one-section-made": "第一张卡片前没有专题行：新建了一个专题",
    "no-space-after-number": "卡片 {number} 的标题与编号之间没有空格",
    "items-as-sub-cards": "“{title}”中的 {count} 个编号条目读作子卡片",
    "sub-card-category": "“{group}”用作子卡片的分类标题",
    "source-title-line": "“{text}”用作“{title}”的来源标题",
    "reference-leaves-folder": "引用 {url!r} 指向导入文件夹之外；保留为文字",
    "image-not-found": "文件旁没有找到图片 {url!r}；保持原样",
    "item-without-text": "一个没有文字的编号条目",
    "title-from-text": "标题“{title}”取自条目文字的开头",
    "link-line-source": "“{title}”：标题下的链接行用作来源",
    "image-lost": "“{title}”的一张图片在复制时丢失（替代文字“{alt}”）",
    "link-labels-kept": "“{title}”的链接文字保留，但没有网址（复制时丢失）",
    "lines-kept": "{count} 行连续文字按行保留（可能是单元格丢失的表格？）",
    "title-line": "“{text}”用作本期标题",
    "no-title-line": "第一个专题前没有标题行：使用文件名“{name}”",
    "number-from-text": "从文字中读出期号 {number}",
    "date-from-text": "从文字或文件名中读出日期 {date}",
    "no-date-text": "顶部几行和文件名中都没有日期：未设置",
    "summary-from-lines": "标题下的几行用作本期摘要",
}
