<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Qt libraries, used under the GNU Lesser General Public License version 3</source>
        <translation>Qt 库，依据 GNU 宽通用公共许可证第 3 版（LGPLv3）使用</translation>
    </message>
    <message>
        <source>The preview&apos;s web engine. Chromium and its third-party components carry their own licences, listed in Qt&apos;s WebEngine licensing page.</source>
        <translation>预览所用的网页引擎。Chromium 及其第三方组件各有许可证，详见 Qt WebEngine 的许可说明页面。</translation>
    </message>
    <message>
        <source>Includes libjpeg-turbo, libpng, libwebp, zlib, FreeType and Little CMS under their own permissive licences.</source>
        <translation>包含 libjpeg-turbo、libpng、libwebp、zlib、FreeType 和 Little CMS，它们各自采用宽松许可证。</translation>
    </message>
    <message>
        <source>Python binding of the Ammonia HTML sanitizer (MIT or Apache-2.0).</source>
        <translation>Ammonia HTML 净化库的 Python 绑定（MIT 或 Apache-2.0）。</translation>
    </message>
    <message>
        <source>Icon font shipped with QtAwesome.</source>
        <translation>随 QtAwesome 附带的图标字体。</translation>
    </message>
    <message>
        <source>About Masthead</source>
        <translation>关于 Masthead</translation>
    </message>
    <message>
        <source>Bundled components and their licences:</source>
        <translation>随附组件及其许可证：</translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation>Qt %1 · PySide6 %2 · Python %3</translation>
    </message>
    <message>
        <source>Compose newsletter issues offline and publish them to a static site.</source>
        <translation>离线编写期刊，并发布为静态网站。</translation>
    </message>
    <message>
        <source>Masthead is free software under the GNU General Public License, version 3 or later.</source>
        <translation>Masthead 是自由软件，依据 GNU 通用公共许可证第 3 版或更高版本发布。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>AltTextDialog</name>
    <message>
        <source>Image Description</source>
        <translation>图片描述</translation>
    </message>
    <message>
        <source>(no preview)</source>
        <translation>（无预览）</translation>
    </message>
    <message>
        <source>Describe what the image shows, for readers who cannot see it:</source>
        <translation>为看不到图片的读者描述图片的内容：</translation>
    </message>
    <message>
        <source>e.g. Bar chart: 62% of teams run Kubernetes</source>
        <translation>例如：柱状图：62% 的团队在运行 Kubernetes</translation>
    </message>
    <message>
        <source>Alt text is required: screen readers and broken images show it.</source>
        <translation>替代文字是必需的：屏幕阅读器会朗读它，图片无法显示时也会显示它。</translation>
    </message>
    <message>
        <source>“%1” says nothing about this image; describe what it shows.</source>
        <translation>“%1”没有说明这张图片的内容，请描述图片展示了什么。</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Find in Issue…</source>
        <translation>在本期中查找…</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <source>This card&apos;s file could not be read, so it is shown read-only and never written: %1</source>
        <translation>无法读取此卡片的文件，因此以只读方式显示，不会写入：%1</translation>
    </message>
    <message>
        <source>This issue is open read-only.</source>
        <translation>本期以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <source>Card title</source>
        <translation>卡片标题</translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation>条目类型</translation>
    </message>
    <message>
        <source>Editing status</source>
        <translation>编辑状态</translation>
    </message>
    <message>
        <source>Original title</source>
        <translation>原文标题</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Project links</source>
        <translation>项目链接</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Further reading</source>
        <translation>拓展阅读</translation>
    </message>
    <message>
        <source>tag, another tag</source>
        <translation>标签, 另一个标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Category heading inside the parent card</source>
        <translation>父卡片中的分类标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Editor&apos;s comment, shown under the card</source>
        <translation>编者点评，显示在卡片下方</translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation>编者按</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本发布</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>演讲</translation>
    </message>
    <message>
        <source>Meme</source>
        <translation>梗图</translation>
    </message>
    <message>
        <source>Roundup</source>
        <translation>合集</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>无原文</translation>
    </message>
    <message>
        <source>links: %1</source>
        <translation>链接：%1</translation>
    </message>
    <message>
        <source>further reading: %1</source>
        <translation>拓展阅读：%1</translation>
    </message>
    <message>
        <source>note</source>
        <translation>编者按</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>编辑标题</translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>编辑原文</translation>
    </message>
    <message>
        <source>Edit links</source>
        <translation>编辑链接</translation>
    </message>
    <message>
        <source>Edit further reading</source>
        <translation>编辑拓展阅读</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Edit category</source>
        <translation>编辑分类</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑编者按</translation>
    </message>
</context>
<context>
    <name>ChannelCopier</name>
    <message numerus="yes">
        <source>Not copied: the checks found %n error(s). The Export panel lists them.</source>
        <translation>
            <numerusform>未复制：检查发现 %n 个错误。导出面板列出了它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>未复制：%1</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Type a command (English, 中文 or pinyin)…</source>
        <translation>输入命令（中文、拼音或英文）…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflict after Sync</source>
        <translation>同步后的冲突</translation>
    </message>
    <message>
        <source>“%1” was changed here and by another editor, and git could not merge the two. Choose the version to keep; the file is marked resolved.</source>
        <translation>“%1”在这里和另一位编辑那里都被修改，git 无法合并两者。请选择要保留的版本；选择后该文件标记为已解决。</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>你的版本</translation>
    </message>
    <message>
        <source>The other editor&apos;s version</source>
        <translation>另一位编辑的版本</translation>
    </message>
    <message>
        <source>Card changed on disk</source>
        <translation>卡片已在磁盘上被修改</translation>
    </message>
    <message>
        <source>“%1” was changed by another program while you were editing it. Nothing is saved to it until you choose which version to keep.</source>
        <translation>你编辑“%1”时，另一个程序修改了它。在你选择保留哪个版本之前，不会保存任何内容。</translation>
    </message>
    <message>
        <source>Your version (not yet saved)</source>
        <translation>你的版本（尚未保存）</translation>
    </message>
    <message>
        <source>The version now on disk</source>
        <translation>磁盘上的当前版本</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>标题：%1</translation>
    </message>
    <message>
        <source>Keep both: the card takes the version on disk, and your version is added as a new card right after it, titled “… (my version)”.</source>
        <translation>都保留：这张卡片采用磁盘上的版本，你的版本作为新卡片紧随其后，标题为“…（我的版本）”。</translation>
    </message>
    <message>
        <source>&amp;Take the file&apos;s</source>
        <translation>采用文件中的(&amp;T)</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>都保留(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
</context>
<context>
    <name>DetailsToggle</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Output folder</source>
        <translation>输出文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>none: images beside the page</source>
        <translation>无：图片放在页面旁边</translation>
    </message>
    <message>
        <source>Markdown: a URL put before image names, for a CDN (images are still written).</source>
        <translation>Markdown：加在图片文件名前面的网址，用于 CDN（图片仍会写出）。</translation>
    </message>
    <message>
        <source>Allow remote images</source>
        <translation>允许远程图片</translation>
    </message>
    <message>
        <source>HTML: download images from other sites into the export (embedded in a single file, in assets/remote/ for a site). Off: they stay links to their sites and load when the page is opened.</source>
        <translation>HTML：把其他网站的图片下载进导出内容（单文件时内嵌，网站时放在 assets/remote/）。关闭时图片仍指向原网站，打开页面时从那里加载。</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信公众号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Article to paste (images inlined)</source>
        <translation>可粘贴的文章（图片内嵌）</translation>
    </message>
    <message>
        <source>Article with images to upload</source>
        <translation>文章与待上传的图片</translation>
    </message>
    <message>
        <source>Newsletter email (HTML, text, .eml)</source>
        <translation>简报邮件（HTML、纯文本、.eml）</translation>
    </message>
    <message>
        <source>Writes %1.wechat.html with every style and image inside, ready to paste.</source>
        <translation>写出 %1.wechat.html，样式与图片全部内嵌，可直接粘贴。</translation>
    </message>
    <message>
        <source>Writes %1.wechat.html; images in %1-images/, listed in %1-upload.txt.</source>
        <translation>写出 %1.wechat.html；图片在 %1-images/，清单见 %1-upload.txt。</translation>
    </message>
    <message>
        <source>Writes %1.email.html, %1.email.txt and %1.eml; images in %1-images/.</source>
        <translation>写出 %1.email.html、%1.email.txt 和 %1.eml；图片在 %1-images/。</translation>
    </message>
    <message>
        <source>&amp;Accent colour</source>
        <translation>强调色(&amp;A)</translation>
    </message>
    <message>
        <source>channel default</source>
        <translation>渠道默认</translation>
    </message>
    <message>
        <source>WeChat and email: the colour of section titles, numbers and links, as #rrggbb. Empty: the channel&apos;s own.</source>
        <translation>微信与邮件：专题标题、编号和链接的颜色，格式为 #rrggbb。留空：使用该渠道的默认颜色。</translation>
    </message>
    <message>
        <source>Body font si&amp;ze</source>
        <translation>正文字号(&amp;Z)</translation>
    </message>
    <message>
        <source>WeChat and email: the size of body text in pixels, 12 to 24. Empty: the channel&apos;s own (15 for WeChat, 16 for email).</source>
        <translation>微信与邮件：正文字号（像素），12 到 24。留空：使用该渠道的默认值（微信 15，邮件 16）。</translation>
    </message>
    <message>
        <source>Export anyway, despite errors</source>
        <translation>有错误也导出</translation>
    </message>
    <message>
        <source>Export even when the checks find errors.</source>
        <translation>即使检查发现错误也照样导出。</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>方案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Image URL prefix</source>
        <translation>图片网址前缀(&amp;I)</translation>
    </message>
    <message>
        <source>Hugo (page bundle)</source>
        <translation>Hugo（页面包）</translation>
    </message>
    <message>
        <source>Jekyll (post)</source>
        <translation>Jekyll（文章）</translation>
    </message>
    <message>
        <source>Plain Markdown</source>
        <translation>普通 Markdown</translation>
    </message>
    <message>
        <source>Web page with assets folder</source>
        <translation>网页及资源文件夹</translation>
    </message>
    <message>
        <source>Single file (images inlined)</source>
        <translation>单个文件（内嵌图片）</translation>
    </message>
    <message>
        <source>Writes %1/index.md with the images beside it.</source>
        <translation>写出 %1/index.md，图片放在它旁边。</translation>
    </message>
    <message>
        <source>Writes _posts/%2-%1.md; images in assets/%1/.</source>
        <translation>写出 _posts/%2-%1.md；图片放在 assets/%1/。</translation>
    </message>
    <message>
        <source>Writes %1.md; images in %1/.</source>
        <translation>写出 %1.md；图片放在 %1/。</translation>
    </message>
    <message>
        <source>Writes index.html; images in assets/.</source>
        <translation>写出 index.html；图片放在 assets/。</translation>
    </message>
    <message>
        <source>Writes %1.html with every image inside: one file to send.</source>
        <translation>写出包含全部图片的 %1.html：一个文件即可发送。</translation>
    </message>
    <message>
        <source>Export writes only its own files here; nothing else in the folder is changed or deleted. Empty: %1</source>
        <translation>导出只在这里写入自己的文件，文件夹中的其他内容不会被修改或删除。留空时：%1</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No issue open.</source>
        <translation>没有打开的期刊。</translation>
    </message>
    <message>
        <source>Change export settings</source>
        <translation>更改导出设置</translation>
    </message>
    <message>
        <source>Choose an output folder outside the issue folder.</source>
        <translation>请选择期刊文件夹以外的输出文件夹。</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个文件到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n changed).</source>
        <translation>
            <numerusform>（%n 个有变化）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export stopped: the checks found %n error(s). Fix them (double-click a problem to open its card) or tick “Export anyway”.</source>
        <translation>
            <numerusform>导出已停止：检查发现 %n 个错误。请修正它们（双击问题可打开对应卡片），或勾选“有错误也导出”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after %n file(s); those files were kept.</source>
        <translation>
            <numerusform>已在写出 %n 个文件后取消导出；这些文件已保留。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>With regular expressions, \1 inserts group 1.</source>
        <translation>使用正则表达式时，\1 表示插入第 1 个分组。</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>Whole words (Latin text)</source>
        <translation>全字匹配（拉丁文字）</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>This card</source>
        <translation>本卡片</translation>
    </message>
    <message>
        <source>Whole issue</source>
        <translation>整期</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Invalid pattern: %1</source>
        <translation>无效的表达式：%1</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in %1</source>
        <translation>
            <numerusform>%1中有 %n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaced %1</source>
        <translation>已替换 %1 处</translation>
    </message>
    <message>
        <source>Replace All “%1”</source>
        <translation>全部替换“%1”</translation>
    </message>
</context>
<context>
    <name>ImageAssetEdits</name>
    <message>
        <source>Set alt text of %1</source>
        <translation>设置 %1 的替代文字</translation>
    </message>
    <message numerus="yes">
        <source>Alt text updated in %n card(s).</source>
        <translation>
            <numerusform>已更新 %n 张卡片中的替代文字。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n unused image(s)</source>
        <translation>
            <numerusform>移除 %n 张未使用的图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove unused image %1</source>
        <translation>移除未使用的图片 %1</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n image(s) to the issue&apos;s trash; Undo brings them back.</source>
        <translation>
            <numerusform>已将 %n 张图片移到本期的回收站；撤销即可恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageAssetModel</name>
    <message>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n 帧</numerusform>
        </translation>
    </message>
    <message>
        <source>Not used by any card</source>
        <translation>没有卡片使用</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n card(s): %1</source>
        <translation>
            <numerusform>%n 张卡片使用：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>导入自 %1</translation>
    </message>
    <message>
        <source>Alt text: %1</source>
        <translation>替代文字：%1</translation>
    </message>
</context>
<context>
    <name>ImageImport</name>
    <message>
        <source>%1 images are switched off in Preferences (accepted: %2)</source>
        <translation>首选项中已关闭 %1 图片（接受的格式：%2）</translation>
    </message>
    <message>
        <source>Processing %1…</source>
        <translation>正在处理 %1…</translation>
    </message>
    <message>
        <source>This issue is open read-only.</source>
        <translation>本期以只读方式打开。</translation>
    </message>
    <message>
        <source>Cannot import the image: %1</source>
        <translation>无法导入图片：%1</translation>
    </message>
</context>
<context>
    <name>ImageIntake</name>
    <message>
        <source>Import Images</source>
        <translation>导入图片</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Fetch Remote Image</source>
        <translation>获取远程图片</translation>
    </message>
    <message>
        <source>Image address (http:// or https://):</source>
        <translation>图片地址（http:// 或 https://）：</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address.</source>
        <translation>请输入 http:// 或 https:// 开头的地址。</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>正在获取 %1…</translation>
    </message>
    <message>
        <source>Could not fetch the image: %1</source>
        <translation>无法获取图片：%1</translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message>
        <source>Filter images…</source>
        <translation>筛选图片…</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>全部图片</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>有问题的</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Alt text problems</source>
        <translation>替代文字问题</translation>
    </message>
    <message>
        <source>&amp;Import Image…</source>
        <translation>导入图片(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Fetch Remote Image…</source>
        <translation>获取远程图片(&amp;F)…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Fetch URL…</source>
        <translation>获取网址…</translation>
    </message>
    <message>
        <source>I&amp;nsert into Current Card</source>
        <translation>插入当前卡片(&amp;N)</translation>
    </message>
    <message>
        <source>Edit &amp;Alt Text…</source>
        <translation>编辑替代文字(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Jump to Card</source>
        <translation>转到卡片(&amp;J)</translation>
    </message>
    <message>
        <source>Show the card that uses the image (Enter)</source>
        <translation>显示使用此图片的卡片 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Open Image</source>
        <translation>打开图片(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove Unused Image</source>
        <translation>移除未使用的图片(&amp;R)</translation>
    </message>
    <message>
        <source>Remove &amp;All Unused Images</source>
        <translation>移除所有未使用的图片(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Issue cover</source>
        <translation>期刊封面</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 张缺失</translation>
    </message>
    <message>
        <source>%1 unused</source>
        <translation>%1 张未使用</translation>
    </message>
    <message>
        <source>%1 too large</source>
        <translation>%1 张过大</translation>
    </message>
    <message>
        <source>%1 without alt text</source>
        <translation>%1 张无替代文字</translation>
    </message>
    <message>
        <source>%1 with generic alt text</source>
        <translation>%1 张替代文字空泛</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to</source>
        <translation>转到</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Issue</source>
        <translation>导入期刊</translation>
    </message>
    <message>
        <source>A Markdown (.md) or text (.txt) file</source>
        <translation>Markdown (.md) 或文本 (.txt) 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Automatic (by name and content)</source>
        <translation>自动（根据文件名和内容）</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Plain text copied from a web page</source>
        <translation>从网页复制的纯文本</translation>
    </message>
    <message>
        <source>optional: from the issue&apos;s title</source>
        <translation>可选：默认取自期刊标题</translation>
    </message>
    <message>
        <source>The new issue&apos;s folder name: letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>新期刊的文件夹名：只能使用字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>Folder &amp;name</source>
        <translation>文件夹名(&amp;N)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>期刊库</translation>
    </message>
    <message>
        <source>What Masthead guessed</source>
        <translation>Masthead 的推断</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Open the New Issue</source>
        <translation>打开新期刊(&amp;O)</translation>
    </message>
    <message>
        <source>Newsletter files (*.md *.markdown *.txt *.text);;All files (*)</source>
        <translation>期刊文件 (*.md *.markdown *.txt *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Could not import: %1</source>
        <translation>无法导入：%1</translation>
    </message>
    <message>
        <source>Created “%1” in %2: %3, %4.</source>
        <translation>已在 %2 中创建“%1”：%3，%4。</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>无标题</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个专题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>After the import, what the importer inferred is listed here.</source>
        <translation>导入完成后，导入器推断出的内容会列在这里。</translation>
    </message>
    <message>
        <source>Nothing was guessed: the file was read as written.</source>
        <translation>没有任何推断：文件按原样读取。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>What Masthead guessed (%1): review it in the outline</source>
        <translation>Masthead 的推断（%1）：请在大纲中核对</translation>
    </message>
</context>
<context>
    <name>InboxDetails</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Enter saves, Escape reverts; empty shows the link</source>
        <translation>回车保存，Esc 还原；留空则显示链接</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A note for the card (Ctrl+Enter saves)</source>
        <translation>给卡片的备注（Ctrl+回车保存）</translation>
    </message>
    <message>
        <source>Ctrl+Enter or leaving the field saves, Escape reverts</source>
        <translation>按 Ctrl+回车或离开此栏即保存，Esc 还原</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Enter saves, Escape reverts</source>
        <translation>回车保存，Esc 还原</translation>
    </message>
    <message>
        <source>Select an item to edit its title, note and tags</source>
        <translation>选择一个条目以编辑其标题、备注和标签</translation>
    </message>
</context>
<context>
    <name>InboxEditDelegate</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>InboxEditing</name>
    <message>
        <source>Edit &amp;Title</source>
        <translation>编辑标题(&amp;T)</translation>
    </message>
    <message>
        <source>Edit Ta&amp;gs</source>
        <translation>编辑标签(&amp;G)</translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation>编辑备注(&amp;N)</translation>
    </message>
    <message>
        <source>Edit inbox title</source>
        <translation>编辑收件箱标题</translation>
    </message>
    <message>
        <source>Edit inbox note</source>
        <translation>编辑收件箱备注</translation>
    </message>
    <message>
        <source>Edit inbox tags</source>
        <translation>编辑收件箱标签</translation>
    </message>
    <message>
        <source>Edit inbox item</source>
        <translation>编辑收件箱条目</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Your text is still in the fields below: save it again to replace the other version, or press Escape to take it.</source>
        <translation>你的文字仍在下方各栏中：再次保存将替换另一版本，按 Esc 则采用另一版本。</translation>
    </message>
    <message>
        <source>Your text is kept in the fields below until it is saved, or dropped with Escape.</source>
        <translation>你输入的文字仍保留在下方的字段中，直到保存成功，或按 Escape 放弃。</translation>
    </message>
</context>
<context>
    <name>InboxHandoff</name>
    <message>
        <source>This issue has no section to put a card in.</source>
        <translation>本期没有可以放卡片的专题。</translation>
    </message>
    <message numerus="yes">
        <source>Take %n link(s) from the inbox</source>
        <translation>
            <numerusform>从收件箱取出 %n 个链接</numerusform>
        </translation>
    </message>
    <message>
        <source>A card without a web link stays in the issue.</source>
        <translation>没有网页链接的卡片留在本期。</translation>
    </message>
    <message numerus="yes">
        <source>Send %n card(s) back to the inbox</source>
        <translation>
            <numerusform>将 %n 张卡片送回收件箱</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to the next issue</source>
        <translation>
            <numerusform>将 %n 张卡片移到下一期</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved to %1 (a new issue made from the template).</source>
        <translation>已移到 %1（按模板新建的一期）。</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>已移到 %1。</translation>
    </message>
</context>
<context>
    <name>InboxOutlineActions</name>
    <message>
        <source>Send Back to &amp;Inbox</source>
        <translation>送回收件箱(&amp;I)</translation>
    </message>
    <message>
        <source>Move to &amp;Next Issue</source>
        <translation>移到下一期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Paste Links into Inbox</source>
        <translation>粘贴链接到收件箱(&amp;P)</translation>
    </message>
    <message>
        <source>No web links to add to the inbox.</source>
        <translation>没有可加入收件箱的网页链接。</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <source>Paste links here and press Enter…</source>
        <translation>在此粘贴链接并按回车…</translation>
    </message>
    <message>
        <source>Filter the inbox…</source>
        <translation>筛选收件箱…</translation>
    </message>
    <message>
        <source>Every word must match the title, link, note, site or tags; tag:name keeps the items with that tag</source>
        <translation>每个词都须出现在标题、链接、备注、网站或标签中；tag:名称 只保留带有该标签的条目</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <source>Not featured yet</source>
        <translation>尚未收录</translation>
    </message>
    <message>
        <source>Featured before</source>
        <translation>往期已收录</translation>
    </message>
    <message>
        <source>In this issue</source>
        <translation>已在本期</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Add to Issue</source>
        <translation>加入本期(&amp;A)</translation>
    </message>
    <message>
        <source>Make cards from the selected links after the current card (Enter)</source>
        <translation>用所选链接在当前卡片之后新建卡片（回车）</translation>
    </message>
    <message>
        <source>&amp;Paste Links</source>
        <translation>粘贴链接(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Import File…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import links from a text file, a bookmarks export, OPML or a feed file</source>
        <translation>从文本文件、书签导出、OPML 或订阅源文件导入链接</translation>
    </message>
    <message>
        <source>Import &amp;Feed URL…</source>
        <translation>导入订阅源网址(&amp;F)…</translation>
    </message>
    <message>
        <source>Fetch &amp;Titles</source>
        <translation>获取标题(&amp;T)</translation>
    </message>
    <message>
        <source>Read the titles of the selected pages (or of every untitled item) over the network</source>
        <translation>通过网络读取所选网页（或所有无标题条目）的标题</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>在浏览器中打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove from Inbox</source>
        <translation>从收件箱移除(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 featured before, %2 in this issue</source>
        <translation>%1 条往期已收录，%2 条已在本期</translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable file(s)</source>
        <translation>
            <numerusform>%n 个无法读取的文件</numerusform>
        </translation>
    </message>
    <message>
        <source>No web links in the pasted text.</source>
        <translation>粘贴的文字中没有网页链接。</translation>
    </message>
    <message>
        <source>No web links on the clipboard.</source>
        <translation>剪贴板上没有网页链接。</translation>
    </message>
    <message>
        <source>Import Links</source>
        <translation>导入链接</translation>
    </message>
    <message>
        <source>Links, bookmarks, OPML and feeds (%1);;All files (*)</source>
        <translation>链接、书签、OPML 和订阅源 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import Feed</source>
        <translation>导入订阅源</translation>
    </message>
    <message>
        <source>Address of an RSS or Atom feed:</source>
        <translation>RSS 或 Atom 订阅源的地址：</translation>
    </message>
    <message>
        <source>Fetching the feed…</source>
        <translation>正在获取订阅源…</translation>
    </message>
    <message>
        <source>Every item has a title; select items to fetch again.</source>
        <translation>所有条目都有标题；选中条目可重新获取。</translation>
    </message>
    <message>
        <source>Fetching titles…</source>
        <translation>正在获取标题…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) updated</source>
        <translation>
            <numerusform>已更新 %n 个标题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) could not be read</source>
        <translation>
            <numerusform>%n 个网页无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) made from the inbox</source>
        <translation>
            <numerusform>已从收件箱新建 %n 张卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n item(s) from the inbox</source>
        <translation>
            <numerusform>从收件箱移除 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>出现过</translation>
    </message>
    <message>
        <source>In this issue</source>
        <translation>已在本期</translation>
    </message>
    <message>
        <source>Featured %1</source>
        <translation>%1 已收录</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Featured in %1 (%2)</source>
        <translation>已收录于 %1（%2）</translation>
    </message>
    <message>
        <source>The open issue links to this page already.</source>
        <translation>当前这一期已链接到此网页。</translation>
    </message>
</context>
<context>
    <name>IssueDocument</name>
    <message>
        <source>Edit card</source>
        <translation>编辑卡片</translation>
    </message>
    <message>
        <source>Edit section</source>
        <translation>编辑专题</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>重命名专题</translation>
    </message>
    <message>
        <source>Edit issue properties</source>
        <translation>编辑期刊属性</translation>
    </message>
    <message>
        <source>This issue is open read-only.</source>
        <translation>本期以只读方式打开。</translation>
    </message>
    <message>
        <source>%1 (my version)</source>
        <translation>%1（我的版本）</translation>
    </message>
    <message>
        <source>My version</source>
        <translation>我的版本</translation>
    </message>
    <message>
        <source>Keep both versions</source>
        <translation>保留两个版本</translation>
    </message>
</context>
<context>
    <name>IssueNotices</name>
    <message>
        <source> (process %1 on %2)</source>
        <translation>（%2 上的进程 %1）</translation>
    </message>
    <message>
        <source>Opened read-only: the issue is open in another window</source>
        <translation>已以只读方式打开：此期刊已在另一个窗口中打开</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>已以只读方式打开</translation>
    </message>
    <message>
        <source>This issue is already open in another Masthead window%1. It is opened read-only here so that nothing is overwritten.</source>
        <translation>此期刊已在另一个 Masthead 窗口中打开%1。为避免覆盖任何内容，这里以只读方式打开。</translation>
    </message>
    <message>
        <source>Recovered unsaved text</source>
        <translation>已恢复未保存的文本</translation>
    </message>
    <message>
        <source>Masthead was closed before it could save. The text typed in these cards was recovered:

%1</source>
        <translation>Masthead 在保存之前被关闭。以下卡片中输入的文本已恢复：

%1</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>自动保存失败</translation>
    </message>
    <message>
        <source>Issue changed on disk</source>
        <translation>期刊已在磁盘上被修改</translation>
    </message>
    <message>
        <source>issue.yaml was changed by another program while your latest changes to the issue were not yet saved. Keep your version (and overwrite the file), or take the file&apos;s?</source>
        <translation>在你对期刊的最新修改尚未保存时，issue.yaml 被其他程序修改了。要保留你的版本（覆盖该文件），还是采用文件中的版本？</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Take the file&apos;s</source>
        <translation>采用文件中的</translation>
    </message>
    <message>
        <source>A card was changed on disk and has been reloaded.</source>
        <translation>一张卡片已在磁盘上被修改，已重新载入。</translation>
    </message>
    <message>
        <source>The issue was changed on disk and has been reloaded.</source>
        <translation>期刊已在磁盘上被修改，已重新载入。</translation>
    </message>
</context>
<context>
    <name>IssuePropertiesDialog</name>
    <message>
        <source>Issue Properties</source>
        <translation>期刊属性</translation>
    </message>
    <message>
        <source>Numbered</source>
        <translation>有期号</translation>
    </message>
    <message>
        <source>专题一, 专题二 … (Chinese)</source>
        <translation>专题一、专题二……（中文）</translation>
    </message>
    <message>
        <source>Part 1, Part 2 …</source>
        <translation>Part 1、Part 2……</translation>
    </message>
    <message>
        <source>No section labels</source>
        <translation>不显示专题序号</translation>
    </message>
    <message>
        <source>Restart in every section</source>
        <translation>每个专题重新编号</translation>
    </message>
    <message>
        <source>Run through the issue</source>
        <translation>全期连续编号</translation>
    </message>
    <message>
        <source>3.1, 3.2 … (under card 3)</source>
        <translation>3.1、3.2 …（接在卡片 3 之下）</translation>
    </message>
    <message>
        <source>1), 2) … (restart in every card)</source>
        <translation>1)、2) …（每张卡片内重新编号）</translation>
    </message>
    <message>
        <source>By language (on for Chinese, Japanese and Korean)</source>
        <translation>按语言（中文、日文、韩文开启）</translation>
    </message>
    <message>
        <source>CJK rules (AutoCorrect)</source>
        <translation>中日韩排版规则（AutoCorrect）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Section &amp;labels</source>
        <translation>专题序号(&amp;L)</translation>
    </message>
    <message>
        <source>Card &amp;numbers</source>
        <translation>卡片编号(&amp;N)</translation>
    </message>
    <message>
        <source>Su&amp;b-card numbers</source>
        <translation>子卡片编号(&amp;B)</translation>
    </message>
    <message>
        <source>T&amp;ypography checks</source>
        <translation>排版检查(&amp;Y)</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>摘要(&amp;U)</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>Edit issue properties</source>
        <translation>编辑期刊属性</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>期号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片数</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>LinkCheckBar</name>
    <message>
        <source>Checking %v of %m</source>
        <translation>正在检查第 %v 个，共 %m 个</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LinkPanel</name>
    <message>
        <source>Filter links…</source>
        <translation>筛选链接…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All links</source>
        <translation>全部链接</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>有标记的</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Featured before</source>
        <translation>往期已收录</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>失效</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>&amp;Jump to Card</source>
        <translation>转到卡片(&amp;J)</translation>
    </message>
    <message>
        <source>Show the link in its card (Enter)</source>
        <translation>在所属卡片中显示此链接 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>在浏览器中打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>复制网址(&amp;C)</translation>
    </message>
    <message>
        <source>Edit &amp;URL</source>
        <translation>编辑网址(&amp;U)</translation>
    </message>
    <message>
        <source>Edit &amp;Text</source>
        <translation>编辑文字(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Strip Tracking Parameters</source>
        <translation>去除跟踪参数(&amp;S)</translation>
    </message>
    <message>
        <source>Strip Tracking from &amp;All Links</source>
        <translation>去除所有链接的跟踪参数(&amp;A)</translation>
    </message>
    <message>
        <source>Check &amp;Links</source>
        <translation>检查链接(&amp;L)</translation>
    </message>
    <message>
        <source>Check every web link over the network (only when you ask)</source>
        <translation>通过网络检查每个网页链接（仅在你要求时进行）</translation>
    </message>
    <message>
        <source>Check &amp;Selected Links</source>
        <translation>检查选中的链接(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Re-read the archive and the link-check results</source>
        <translation>重新读取归档库和链接检查结果</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n link(s): %1 with problems.</source>
        <translation>
            <numerusform>已检查 %n 个链接：%1 个有问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 duplicated</source>
        <translation>%1 个重复</translation>
    </message>
    <message>
        <source>%1 featured before</source>
        <translation>%1 个往期已收录</translation>
    </message>
    <message>
        <source>%1 broken</source>
        <translation>%1 个失效</translation>
    </message>
    <message>
        <source>no archive library</source>
        <translation>没有归档库</translation>
    </message>
    <message>
        <source>Cannot read the archive: %1</source>
        <translation>无法读取归档库：%1</translation>
    </message>
    <message>
        <source>Edit link URL</source>
        <translation>编辑链接网址</translation>
    </message>
    <message>
        <source>Edit link text</source>
        <translation>编辑链接文字</translation>
    </message>
    <message>
        <source>Strip tracking parameters</source>
        <translation>去除跟踪参数</translation>
    </message>
    <message>
        <source>Strip tracking parameters from all links</source>
        <translation>去除所有链接的跟踪参数</translation>
    </message>
    <message>
        <source>No tracking parameters to remove.</source>
        <translation>没有需要去除的跟踪参数。</translation>
    </message>
    <message>
        <source>There are no web links to check.</source>
        <translation>没有需要检查的网页链接。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n 个链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n URL(s)</source>
        <translation>
            <numerusform>已复制 %n 个网址</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed tracking parameters in %n card(s); Undo puts them back.</source>
        <translation>
            <numerusform>已去除 %n 张卡片中的跟踪参数；撤销即可恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>No network: the links could not be checked.</source>
        <translation>没有网络：无法检查链接。</translation>
    </message>
    <message>
        <source>Link check cancelled.</source>
        <translation>链接检查已取消。</translation>
    </message>
    <message>
        <source>The link check failed: %1</source>
        <translation>链接检查失败：%1</translation>
    </message>
</context>
<context>
    <name>LinkTableModel</name>
    <message>
        <source>Section / card number and the card&apos;s title</source>
        <translation>专题 / 卡片编号及卡片标题</translation>
    </message>
    <message>
        <source>Link text or image alt text (F2 edits)</source>
        <translation>链接文字或图片替代文字（按 F2 编辑）</translation>
    </message>
    <message>
        <source>Address (F2 edits); marked when duplicated or featured before</source>
        <translation>地址（按 F2 编辑）；重复或往期已收录时会标记</translation>
    </message>
    <message>
        <source>Result of the last link check</source>
        <translation>上次链接检查的结果</translation>
    </message>
    <message>
        <source>Other issues of the archive that featured this link</source>
        <translation>归档库中收录过此链接的其他期刊</translation>
    </message>
    <message>
        <source>No archive library: featured-before is not known</source>
        <translation>没有归档库：无法得知是否往期已收录</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>往期收录</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Project link</source>
        <translation>项目链接</translation>
    </message>
    <message>
        <source>Inline</source>
        <translation>正文内</translation>
    </message>
    <message>
        <source>Further reading</source>
        <translation>拓展阅读</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Section intro</source>
        <translation>版块导语</translation>
    </message>
    <message>
        <source>mentioned %1</source>
        <translation>提及 %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Project links</source>
        <translation>项目链接</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation>编者按</translation>
    </message>
    <message>
        <source>Duplicate: the same link is also in</source>
        <translation>重复：同一链接也出现在</translation>
    </message>
    <message>
        <source>Featured before in</source>
        <translation>往期已收录于</translation>
    </message>
    <message>
        <source>Mentioned before in</source>
        <translation>此前提及于</translation>
    </message>
    <message>
        <source>intro of section “%1”</source>
        <translation>版块“%1”的导语</translation>
    </message>
    <message>
        <source>card “%1”</source>
        <translation>卡片“%1”</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……还有 %1 项</translation>
    </message>
    <message>
        <source>Not a web address: not checked</source>
        <translation>不是网页地址：未检查</translation>
    </message>
    <message>
        <source>Not checked yet (Check Links asks the network)</source>
        <translation>尚未检查（“检查链接”会访问网络）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>OK after redirects</source>
        <translation>重定向后正常</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>失效</translation>
    </message>
    <message>
        <source>Blocked: the server refused the robot; the page may exist</source>
        <translation>被拦截：服务器拒绝了自动访问，页面可能存在</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Not checked: no network</source>
        <translation>未检查：没有网络</translation>
    </message>
    <message>
        <source>Not checked: cancelled</source>
        <translation>未检查：已取消</translation>
    </message>
    <message>
        <source>Not checked: not a web address</source>
        <translation>未检查：不是网页地址</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态：%1</translation>
    </message>
    <message>
        <source>Ends at: %1</source>
        <translation>最终地址：%1</translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation>检查时间：%1</translation>
    </message>
</context>
<context>
    <name>MainMenusMixin</name>
    <message>
        <source>&amp;New Issue…</source>
        <translation>新建期刊(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Issue…</source>
        <translation>打开期刊(&amp;O)…</translation>
    </message>
    <message>
        <source>Show &amp;Library</source>
        <translation>显示期刊库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save Now</source>
        <translation>立即保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Focus &amp;Outline</source>
        <translation>转到大纲(&amp;O)</translation>
    </message>
    <message>
        <source>Focus &amp;Editor</source>
        <translation>转到编辑器(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Import Issue…</source>
        <translation>导入期刊(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Copy for &amp;WeChat</source>
        <translation>复制为微信文章(&amp;W)</translation>
    </message>
    <message>
        <source>Copy the issue as a WeChat article (styles and images inside)</source>
        <translation>把本期复制为微信公众号文章（样式与图片内嵌）</translation>
    </message>
    <message>
        <source>Copy as Email &amp;HTML</source>
        <translation>复制为邮件 HTML(&amp;H)</translation>
    </message>
    <message>
        <source>Copy the issue as newsletter email HTML, with its plain-text version</source>
        <translation>把本期复制为简报邮件 HTML，并附纯文本版本</translation>
    </message>
    <message>
        <source>Issue &amp;Properties…</source>
        <translation>期刊属性(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Masthead</source>
        <translation>关于 Masthead(&amp;A)</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>首选项(&amp;E)…</translation>
    </message>
    <message>
        <source>Search &amp;Library…</source>
        <translation>搜索文件库(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Fo&amp;rmat</source>
        <translation>格式(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Masthead — %1</source>
        <translation>Masthead — %1</translation>
    </message>
    <message>
        <source>Open Issue Folder</source>
        <translation>打开期刊文件夹</translation>
    </message>
    <message>
        <source>Not an issue</source>
        <translation>不是期刊</translation>
    </message>
    <message>
        <source>%1 has no issue.yaml.</source>
        <translation>%1 中没有 issue.yaml。</translation>
    </message>
    <message>
        <source>Could not create the issue</source>
        <translation>无法创建期刊</translation>
    </message>
    <message>
        <source>Could not open the issue</source>
        <translation>无法打开期刊</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [只读]</translation>
    </message>
    <message>
        <source>Copied for WeChat: paste it into the WeChat editor.</source>
        <translation>已复制为微信文章：粘贴到公众号编辑器即可。</translation>
    </message>
    <message>
        <source>Copied as email HTML, with its plain-text version.</source>
        <translation>已复制为邮件 HTML，并附纯文本版本。</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <source>Write the card in Markdown…</source>
        <translation>用 Markdown 撰写卡片正文…</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>删除线</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Quick Fix</source>
        <translation>快速修复</translation>
    </message>
    <message>
        <source>Heading %1</source>
        <translation>%1 级标题</translation>
    </message>
    <message>
        <source>Bulleted List</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>Numbered List</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Import “%1” into Assets</source>
        <translation>将“%1”导入 assets</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MoveToIssue</name>
    <message>
        <source>“%1” is open in another Masthead window (process %2 on %3). Close it there, then move the card again.</source>
        <translation>“%1”已在另一个 Masthead 窗口中打开（%3 上的进程 %2）。请先在那里关闭，再移动卡片。</translation>
    </message>
    <message>
        <source>“%1” is being written by another program; try again in a moment.</source>
        <translation>另一个程序正在写入“%1”；请稍后再试。</translation>
    </message>
    <message>
        <source>Move to Issue</source>
        <translation>移到其他期刊</translation>
    </message>
    <message>
        <source>The library has no other issue to move to.</source>
        <translation>期刊库中没有可以移入的其他期刊。</translation>
    </message>
    <message>
        <source>The card changed on disk while you edited it; choose a version first.</source>
        <translation>编辑期间卡片在磁盘上被修改；请先选择保留哪个版本。</translation>
    </message>
    <message>
        <source>Card Not Moved</source>
        <translation>卡片未移动</translation>
    </message>
    <message>
        <source>Undo Not Possible</source>
        <translation>无法撤销</translation>
    </message>
</context>
<context>
    <name>MoveToIssueCommand</name>
    <message>
        <source>the other issue is open in another Masthead window</source>
        <translation>另一期刊已在另一个 Masthead 窗口中打开</translation>
    </message>
    <message>
        <source>“%1” cannot be undone or redone: %2</source>
        <translation>无法撤销或重做“%1”：%2</translation>
    </message>
</context>
<context>
    <name>MoveToIssueDialog</name>
    <message>
        <source>Move to Issue</source>
        <translation>移到其他期刊</translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to another issue of the library:</source>
        <translation>
            <numerusform>将 %n 张卡片移到期刊库中的另一期：</numerusform>
        </translation>
    </message>
    <message>
        <source>Type to filter the issues…</source>
        <translation>输入以筛选期刊…</translation>
    </message>
    <message>
        <source>&amp;Section:</source>
        <translation>专题(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>移动(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>open in another window</source>
        <translation>已在另一窗口中打开</translation>
    </message>
    <message>
        <source>Open in another Masthead window (process %1 on %2).</source>
        <translation>已在另一个 Masthead 窗口中打开（%2 上的进程 %1）。</translation>
    </message>
    <message>
        <source>New section “%1”</source>
        <translation>新专题“%1”</translation>
    </message>
    <message>
        <source>No issue matches.</source>
        <translation>没有匹配的期刊。</translation>
    </message>
</context>
<context>
    <name>NewIssueDialog</name>
    <message>
        <source>New Issue</source>
        <translation>新建期刊</translation>
    </message>
    <message>
        <source>e.g. 云原生月刊 2026 年 11 月</source>
        <translation>例如：云原生月刊 2026 年 11 月</translation>
    </message>
    <message>
        <source>folder name, from the title</source>
        <translation>文件夹名，默认取自标题</translation>
    </message>
    <message>
        <source>The issue starts with the six standard sections of the template.</source>
        <translation>新期刊会带有模板中的六个标准专题。</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
</context>
<context>
    <name>OutlineActions</name>
    <message>
        <source>Add &amp;Section</source>
        <translation>添加专题(&amp;S)</translation>
    </message>
    <message>
        <source>Add &amp;Card</source>
        <translation>添加卡片(&amp;C)</translation>
    </message>
    <message>
        <source>Add S&amp;ub-card</source>
        <translation>添加子卡片(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Indent (make sub-card)</source>
        <translation>缩进为子卡片(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation>取消缩进(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Move to Section…</source>
        <translation>移动到专题(&amp;M)…</translation>
    </message>
    <message>
        <source>Move to &amp;Issue…</source>
        <translation>移到其他期刊(&amp;I)…</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新专题</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加专题</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>添加卡片</translation>
    </message>
    <message>
        <source>Add sub-card</source>
        <translation>添加子卡片</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n card(s)</source>
        <translation>
            <numerusform>删除 %n 张卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n section(s)</source>
        <translation>
            <numerusform>删除 %n 个专题</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>移动专题</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>移动卡片</translation>
    </message>
    <message>
        <source>Move card to section</source>
        <translation>将卡片移到专题</translation>
    </message>
    <message>
        <source>Move to Section</source>
        <translation>移动到专题</translation>
    </message>
    <message>
        <source>Section:</source>
        <translation>专题：</translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to section</source>
        <translation>
            <numerusform>将 %n 张卡片移到专题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to “%1”</source>
        <translation>
            <numerusform>将 %n 张卡片移到“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n card(s) to “%1”.</source>
        <translation>
            <numerusform>已将 %n 张卡片移到“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Indent card</source>
        <translation>缩进卡片</translation>
    </message>
    <message>
        <source>Outdent card</source>
        <translation>取消缩进卡片</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>(unreadable) %1</source>
        <translation>（无法读取）%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Rename card</source>
        <translation>重命名卡片</translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s)</source>
        <translation>
            <numerusform>移动 %n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>移动专题</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
</context>
<context>
    <name>PanelDocks</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Current Card Only</source>
        <translation>仅当前卡片</translation>
    </message>
    <message>
        <source>Show only the card being edited instead of the whole issue</source>
        <translation>只显示正在编辑的卡片，而不是整期</translation>
    </message>
    <message>
        <source>Load Remote Content</source>
        <translation>加载远程内容</translation>
    </message>
    <message>
        <source>Load images and fonts from the internet in the preview (off by default)</source>
        <translation>在预览中加载来自互联网的图片和字体（默认关闭）</translation>
    </message>
    <message>
        <source>As Published</source>
        <translation>按发布样式</translation>
    </message>
    <message>
        <source>Show the page in the site&apos;s own style instead of the app&apos;s theme</source>
        <translation>用网站自己的样式显示页面，而不是应用的主题</translation>
    </message>
    <message>
        <source>Reload Preview</source>
        <translation>重新加载预览</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信公众号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Show the issue as the site, as a WeChat article or as an email</source>
        <translation>以网站、微信文章或邮件的样子显示本期</translation>
    </message>
    <message>
        <source>Preview channel</source>
        <translation>预览渠道</translation>
    </message>
    <message>
        <source>This preview never loads remote content</source>
        <translation>此预览从不加载远程内容</translation>
    </message>
    <message>
        <source>The preview stopped working (its page process ended).</source>
        <translation>预览已停止工作（页面进程已结束）。</translation>
    </message>
    <message>
        <source>The preview page could not be loaded.</source>
        <translation>无法加载预览页面。</translation>
    </message>
    <message>
        <source>Rendering… %1%</source>
        <translation>正在渲染… %1%</translation>
    </message>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation>无法渲染预览：%1</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quick Fix</source>
        <translation>快速修复</translation>
    </message>
    <message>
        <source>Double-click to show the card “%1”.</source>
        <translation>双击以显示卡片“%1”。</translation>
    </message>
    <message>
        <source>Double-click to show it in Issue Properties.</source>
        <translation>双击在“期刊属性”中显示。</translation>
    </message>
    <message>
        <source>Fix: %1 (Ctrl+. or the context menu).</source>
        <translation>修复：%1（Ctrl+. 或右键菜单）。</translation>
    </message>
    <message>
        <source>Show the Card</source>
        <translation>显示卡片</translation>
    </message>
    <message>
        <source>Show the Section</source>
        <translation>显示专题</translation>
    </message>
    <message>
        <source>Show in Issue Properties</source>
        <translation>在期刊属性中显示</translation>
    </message>
</context>
<context>
    <name>ProblemsBox</name>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Run the checks again</source>
        <translation>重新运行检查</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Warnings: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>errors stop the export</source>
        <translation>有错误时不会导出</translation>
    </message>
</context>
<context>
    <name>QuickFixes</name>
    <message>
        <source>Import into Assets</source>
        <translation>导入 assets</translation>
    </message>
    <message>
        <source>Fix Typography Here</source>
        <translation>修正此处排版</translation>
    </message>
    <message>
        <source>Fixed 1 typography problem.</source>
        <translation>已修正 1 处排版问题。</translation>
    </message>
    <message>
        <source>The text has changed since the check; nothing to fix there.</source>
        <translation>检查之后文本已改动；此处无需修正。</translation>
    </message>
    <message>
        <source>Image Not Found</source>
        <translation>找不到图片</translation>
    </message>
    <message>
        <source>The image file %1 cannot be found: it may have been moved or deleted, or it is on another computer. The reference was left as it is.</source>
        <translation>找不到图片文件 %1：它可能已被移动或删除，或在另一台电脑上。引用保持不变。</translation>
    </message>
    <message>
        <source>Image Not Imported</source>
        <translation>图片未导入</translation>
    </message>
    <message>
        <source>Cannot import the image: %1</source>
        <translation>无法导入图片：%1</translation>
    </message>
    <message>
        <source>Imported %1 into %2.</source>
        <translation>已将 %1 导入为 %2。</translation>
    </message>
    <message>
        <source>Import %1 into assets</source>
        <translation>将 %1 导入 assets</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <source>Move the row up</source>
        <translation>上移该行</translation>
    </message>
    <message>
        <source>Move the row down</source>
        <translation>下移该行</translation>
    </message>
</context>
<context>
    <name>ResultBox</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
</context>
<context>
    <name>ResultList</name>
    <message>
        <source>Nothing exported yet.</source>
        <translation>尚未导出任何内容。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出：%1</translation>
    </message>
    <message>
        <source>Unchanged, left as it was: %1</source>
        <translation>未改变，保持原样：%1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search every issue: words, 中文, &quot;a phrase&quot;</source>
        <translation>搜索所有期刊：英文单词、中文、&quot;整个短语&quot;</translation>
    </message>
    <message>
        <source>Rebuild Search Index</source>
        <translation>重建搜索索引</translation>
    </message>
    <message>
        <source>Building the search index of the library…</source>
        <translation>正在建立文件库的搜索索引…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Search failed.</source>
        <translation>搜索失败。</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>没有找到结果。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n results.</source>
        <translation>
            <numerusform>仅显示前 %n 条结果。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n 条结果。</numerusform>
        </translation>
    </message>
    <message>
        <source>The search index was built.</source>
        <translation>已建立搜索索引。</translation>
    </message>
    <message>
        <source>The search index was damaged or out of date and was rebuilt.</source>
        <translation>搜索索引已损坏或过期，已重建。</translation>
    </message>
    <message>
        <source>The library cannot be written: searched the files without an index (slower).</source>
        <translation>文件库不可写入：未使用索引，直接搜索了文件（较慢）。</translation>
    </message>
    <message>
        <source>The search index cannot be used: searched the files without an index (slower).</source>
        <translation>无法使用搜索索引：直接搜索了文件（较慢）。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a count of results, then what happened to the index</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Searches the titles, text, notes, links and section intros of every issue.</source>
        <translation>搜索所有期刊的标题、正文、备注、链接和专题导语。</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>正在重建搜索索引…</translation>
    </message>
    <message>
        <source>The search index was rebuilt.</source>
        <translation>搜索索引已重建。</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>A line or two shown under the section heading</source>
        <translation>显示在专题标题下方的一两行文字</translation>
    </message>
    <message>
        <source>Select a card in the outline to edit it, or press Ctrl+Return to add one.</source>
        <translation>在大纲中选择一张卡片进行编辑，或按 Ctrl+Return 添加一张。</translation>
    </message>
    <message>
        <source>&amp;Emoji</source>
        <translation>表情符号(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Introduction</source>
        <translation>导语(&amp;I)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Sample library (%1)</source>
        <translation>示例期刊库（%1）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Library folder:</source>
        <translation>期刊库文件夹(&amp;L)：</translation>
    </message>
    <message>
        <source>The folder of issues shown when Masthead starts without a folder to open</source>
        <translation>Masthead 启动时若未指定要打开的文件夹，则显示这个期刊库</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Lang&amp;uage:</source>
        <translation>界面语言(&amp;U)：</translation>
    </message>
    <message>
        <source>A new language takes effect when Masthead restarts.</source>
        <translation>更改的语言将在 Masthead 重新启动后生效。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Use the default font</source>
        <translation>使用默认字体</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>编辑器字体：</translation>
    </message>
    <message>
        <source>&amp;Family:</source>
        <translation>字体(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <source>Chinese text uses a Chinese font automatically when the family has none.</source>
        <translation>如果所选字体不含中文字形，中文会自动改用中文字体显示。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Masthead saves this long after you stop typing; there is no Save button to forget</source>
        <translation>停止输入经过这段时间后，Masthead 会自动保存，不必担心忘记保存</translation>
    </message>
    <message>
        <source>&amp;Autosave after:</source>
        <translation>自动保存延迟(&amp;A)：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Wider images are scaled down when they are added to an issue</source>
        <translation>添加到期刊的图片如果更宽，会被等比缩小</translation>
    </message>
    <message>
        <source>&amp;Maximum width:</source>
        <translation>最大宽度(&amp;M)：</translation>
    </message>
    <message>
        <source>Accepted formats:</source>
        <translation>接受的格式：</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <source>Load &amp;remote images and fonts in the preview</source>
        <translation>在预览中加载远程图片和字体(&amp;R)</translation>
    </message>
    <message>
        <source>Off by default: Masthead works offline and the preview never contacts a server unless you allow it. Scripts in card content never run.</source>
        <translation>默认关闭：Masthead 可离线工作，除非你允许，预览不会连接任何服务器。卡片内容中的脚本永远不会运行。</translation>
    </message>
    <message>
        <source>Choose the Library Folder</source>
        <translation>选择期刊库文件夹</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>Issues of the library</source>
        <translation>期刊库中的期刊</translation>
    </message>
    <message>
        <source>&amp;New Issue…</source>
        <translation>新建期刊(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Issue…</source>
        <translation>打开期刊(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent issues</source>
        <translation>最近的期刊</translation>
    </message>
    <message>
        <source>Masthead library</source>
        <translation>Masthead 期刊库</translation>
    </message>
    <message>
        <source>%1 (reading…)</source>
        <translation>%1（读取中…）</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Running as root: the preview&apos;s Chromium sandbox is switched off (QTWEBENGINE_DISABLE_SANDBOX=1).</source>
        <translation>以 root 身份运行：预览所用 Chromium 的沙箱已关闭（QTWEBENGINE_DISABLE_SANDBOX=1）。</translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message>
        <source>No issue open</source>
        <translation>未打开期刊</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: see the message</source>
        <translation>未保存：请查看提示信息</translation>
    </message>
    <message numerus="yes">
        <source>Card: %n word(s)</source>
        <translation>
            <numerusform>卡片：%n 字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Section: %n word(s) · %1 min read</source>
        <translation>
            <numerusform>专题：%n 字 · 约 %1 分钟读完</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issue: %n word(s) · %1 min read</source>
        <translation>
            <numerusform>本期：%n 字 · 约 %1 分钟读完</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Commit message</source>
        <translation>提交说明</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>提交(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Pull the other editors&apos; changes, then push yours</source>
        <translation>先拉取其他编辑的修改，再推送你的修改</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>This library is not in a git repository. Put it in one (git init) and run “masthead git-setup” once to share it with other editors.</source>
        <translation>此期刊库不在 git 仓库中。将它放入仓库（git init）并运行一次“masthead git-setup”，即可与其他编辑共享。</translation>
    </message>
    <message>
        <source>Press Enter to choose a version</source>
        <translation>按 Enter 选择版本</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be merged: open each to choose a version.</source>
        <translation>
            <numerusform>%n 个文件无法合并：逐个打开并选择版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every conflict is resolved: Commit finishes the merge.</source>
        <translation>所有冲突均已解决：点击“提交”完成合并。</translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s) not yet committed.</source>
        <translation>
            <numerusform>%n 个已修改的文件尚未提交。</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is committed.</source>
        <translation>所有修改均已提交。</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>已重命名</translation>
    </message>
    <message>
        <source>CONFLICT</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Git failed: %1</source>
        <translation>Git 出错：%1</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Nothing to commit.</source>
        <translation>没有需要提交的内容。</translation>
    </message>
    <message>
        <source>Committed.</source>
        <translation>已提交。</translation>
    </message>
    <message>
        <source>Pulling…</source>
        <translation>正在拉取…</translation>
    </message>
    <message>
        <source>Pushing…</source>
        <translation>正在推送…</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n card(s) deleted by the other side but edited here:</source>
        <translation>
            <numerusform>保留了 %n 张被对方删除但在这里编辑过的卡片：</numerusform>
        </translation>
    </message>
    <message>
        <source>Pulled with conflicts: choose a version for each file in red.</source>
        <translation>已拉取，但有冲突：请为每个红色文件选择版本。</translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation>已同步。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>TypographyActions</name>
    <message>
        <source>Fix &amp;Typography</source>
        <translation>修正排版(&amp;T)</translation>
    </message>
    <message>
        <source>Fix Typography in &amp;Issue</source>
        <translation>修正全期排版(&amp;I)</translation>
    </message>
    <message>
        <source>Spaces between CJK and Latin text and the width of punctuation in the card or section</source>
        <translation>卡片或专题中中英文之间的空格与标点的全半角</translation>
    </message>
    <message>
        <source>Select a card or a section to fix its typography.</source>
        <translation>请先选择一张卡片或一个专题，再修正排版。</translation>
    </message>
    <message>
        <source>Fix Typography</source>
        <translation>修正排版</translation>
    </message>
    <message>
        <source>Fix Typography in Issue</source>
        <translation>修正全期排版</translation>
    </message>
    <message>
        <source>Typography checks are off for this issue (its language, or typography: off in issue.yaml).</source>
        <translation>本期关闭了排版检查（由于期刊语言，或 issue.yaml 中的 typography: off）。</translation>
    </message>
    <message>
        <source>No typography problems to fix.</source>
        <translation>没有需要修正的排版问题。</translation>
    </message>
    <message>
        <source>Fixed %1 typography problem(s).</source>
        <translation>已修正 %1 处排版问题。</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>命令面板(&amp;P)…</translation>
    </message>
    <message>
        <source>Go to &amp;Outline</source>
        <translation>转到大纲(&amp;O)</translation>
    </message>
    <message>
        <source>Go to Pre&amp;view</source>
        <translation>转到预览(&amp;V)</translation>
    </message>
    <message>
        <source>Go to E&amp;xport</source>
        <translation>转到导出(&amp;X)</translation>
    </message>
    <message>
        <source>Go to &amp;Links</source>
        <translation>转到链接(&amp;L)</translation>
    </message>
    <message>
        <source>Go to &amp;Images</source>
        <translation>转到图片(&amp;I)</translation>
    </message>
    <message>
        <source>Go to S&amp;ync</source>
        <translation>转到同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Go to In&amp;box</source>
        <translation>转到收件箱(&amp;B)</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
</context>
</TS>
